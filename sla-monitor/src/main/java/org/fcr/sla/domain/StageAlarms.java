package org.fcr.sla.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a stage's reminder, breach and escalations fall due. The escalation instants are null when
 * escalation is switched off.
 */
public record StageAlarms(Instant reminder, Instant deadline, Instant supervisor, Instant officeManager) {

    public Instant at(Alarm alarm) {
        return switch (alarm) {
            case REMINDER -> reminder;
            // done exactly at the deadline is in time: the breach is due one millisecond later
            case BREACH -> deadline.plusMillis(1);
            case SUPERVISOR -> supervisor;
            case OFFICE_MANAGER -> officeManager;
            case NONE -> null;
        };
    }

    /** A pause moves every alarm still ahead by the time the clock stood still. */
    public StageAlarms shiftedBy(Duration paused) {
        return new StageAlarms(reminder.plus(paused), deadline.plus(paused),
                supervisor == null ? null : supervisor.plus(paused),
                officeManager == null ? null : officeManager.plus(paused));
    }
}
