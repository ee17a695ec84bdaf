package org.fcr.intake.domain;

import java.time.Instant;

/** One audited change of the trial settings: the settings after it and the audit entry that records it. */
public record TrialChange(TrialSettings after, Entry entry) {

    public enum Action { DEPARTMENT_MODE, PERIOD_DECLARED, PERIOD_ENDED }

    /** Who changed what, when, from what to what, and why. {@code version} is the settings' version after it. */
    public record Entry(long version, Instant at, String actorId, String actorName, Action action, String subject,
                        String from, String to, String reason) {
    }
}
