package org.fcr.intake.api;

import java.util.List;

import org.fcr.intake.domain.TrialChange;
import org.fcr.intake.domain.TrialPeriod;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies and answers of the trial-run settings API (issue 8). */
public final class TrialBodies {

    private TrialBodies() {
    }

    /**
     * Switch a department: {"mode":"LIVE","reason":"…"}; {@code confirmWholeSite} true when the switch leaves
     * no department LIVE.
     */
    public record ModeBody(@NotBlank @Size(max = 10) String mode, @NotBlank @Size(max = 500) String reason,
                           Boolean confirmWholeSite) {
    }

    /**
     * Declare a trial period [from, to): ISO-8601 date-times with an offset ({@code 2026-12-07T08:00:00+08:00}),
     * never numbers; {@code confirmWholeSite} must be true, since every request accepted in it is a drill.
     */
    public record PeriodBody(@NotBlank @Size(max = 40) String from, @NotBlank @Size(max = 40) String to,
                             @NotBlank @Size(max = 500) String reason, Boolean confirmWholeSite) {
    }

    /** End a trial period now. */
    public record EndBody(@NotBlank @Size(max = 500) String reason) {
    }

    public record DepartmentView(String code, String mode) {
    }

    /** The current settings: every known department with its mode, the periods, and whether one runs now. */
    public record SettingsView(long version, List<DepartmentView> departments, List<TrialPeriod> periods,
                               String activePeriod) {
    }

    /** The answer of a change; {@code audit} is null when nothing changed (no second entry for a repeat). */
    public record ChangeAnswer(boolean changed, TrialChange.Entry audit, SettingsView settings) {
    }
}
