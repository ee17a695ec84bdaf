package org.fcr.sla.domain;

import java.time.Duration;
import java.time.Instant;

import org.fcr.events.Stage;

/**
 * A stage whose clock runs (or stands still while paused): the standard it was started under, its
 * alarms, which alarm is next, and whether its breach has already been told.
 */
public final class OpenStage {

    private final Stage stage;
    private final int attempt;
    private final Instant startedAt;
    private final long standardMillis;
    private final ClockKind clock;
    private final String causeEventId;
    private StageAlarms alarms;
    private Alarm nextAlarm;
    private Instant pausedSince;
    private long pausedMillis;
    private boolean breached;

    public OpenStage(Stage stage, int attempt, Instant startedAt, long standardMillis, ClockKind clock,
                     String causeEventId, StageAlarms alarms, Alarm nextAlarm, Instant pausedSince,
                     long pausedMillis, boolean breached) {
        this.stage = stage;
        this.attempt = attempt;
        this.startedAt = startedAt;
        this.standardMillis = standardMillis;
        this.clock = clock;
        this.causeEventId = causeEventId;
        this.alarms = alarms;
        this.nextAlarm = nextAlarm;
        this.pausedSince = pausedSince;
        this.pausedMillis = pausedMillis;
        this.breached = breached;
    }

    /** When the next alarm falls due; null while paused or when nothing is left to tell. */
    public Instant nextAlarmAt() {
        return pausedSince != null ? null : alarms.at(nextAlarm);
    }

    /** Skips alarms that have no instant (escalation switched off). */
    void advanceAlarm() {
        do {
            nextAlarm = nextAlarm.next();
        } while (nextAlarm != Alarm.NONE && alarms.at(nextAlarm) == null);
    }

    void markBreached() {
        breached = true;
        if (nextAlarm.ordinal() <= Alarm.BREACH.ordinal()) {
            nextAlarm = Alarm.BREACH;
            advanceAlarm();
        }
    }

    void pause(Instant at) {
        if (pausedSince == null) {
            pausedSince = at;
        }
    }

    /** Resumes the clock and returns how long it stood still. */
    Duration resume(Instant at) {
        if (pausedSince == null) {
            return Duration.ZERO;
        }
        Duration stood = Duration.between(pausedSince, at);
        if (stood.isNegative()) {
            stood = Duration.ZERO;
        }
        pausedMillis += stood.toMillis();
        alarms = alarms.shiftedBy(stood);
        pausedSince = null;
        return stood;
    }

    /** Working duration of the stage if it ended at {@code end}: paused time does not count. */
    public long durationUntil(Instant end) {
        return Math.max(0, Duration.between(startedAt, countedUntil(end)).toMillis() - pausedMillis);
    }

    /** Whether ending at {@code end} is late; time spent paused is not held against the stage. */
    public boolean lateAt(Instant end) {
        return countedUntil(end).isAfter(alarms.deadline());
    }

    /** A stage ending while paused stopped counting when the pause began. */
    private Instant countedUntil(Instant end) {
        return pausedSince != null && pausedSince.isBefore(end) ? pausedSince : end;
    }

    public Stage stage() { return stage; }
    public int attempt() { return attempt; }
    public Instant startedAt() { return startedAt; }
    public long standardMillis() { return standardMillis; }
    public ClockKind clock() { return clock; }
    public String causeEventId() { return causeEventId; }
    public StageAlarms alarms() { return alarms; }
    public Alarm nextAlarm() { return nextAlarm; }
    public Instant pausedSince() { return pausedSince; }
    public long pausedMillis() { return pausedMillis; }
    public boolean breached() { return breached; }
    public boolean paused() { return pausedSince != null; }
    public Instant deadline() { return alarms.deadline(); }
}
