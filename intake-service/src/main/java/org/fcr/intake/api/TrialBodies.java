package org.fcr.intake.api;

import java.time.Instant;
import java.util.List;

import org.fcr.intake.domain.TrialChange;
import org.fcr.intake.domain.TrialPeriod;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies and answers of the trial-run settings API (issue 8). */
public final class TrialBodies {

    private TrialBodies() {
    }

    /** Switch a department: {"mode":"LIVE","reason":"…"}. */
    public record ModeBody(@NotBlank @Size(max = 10) String mode, @NotBlank @Size(max = 500) String reason) {
    }

    /** Declare a trial period [from, to). */
    public record PeriodBody(@NotNull Instant from, @NotNull Instant to, @NotBlank @Size(max = 500) String reason) {
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
