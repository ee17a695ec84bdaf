package org.fcr.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fcr.events.Actor;

/**
 * The manager's audited trial-run actions (issue 8): switch a department between TRIAL and LIVE, declare a
 * trial period, end one early. Each answers the change to store, or nothing when nothing would change (a
 * repeated switch is not a second audit entry).
 */
public final class TrialAdministration {

    private TrialAdministration() {
    }

    public static Optional<TrialChange> switchDepartment(TrialSettings s, String department, DepartmentMode mode,
                                                         String reason, Actor by, Instant now) {
        requireReason(reason);
        DepartmentMode before = s.modeOf(department);
        if (before == mode) {
            return Optional.empty();
        }
        TrialSettings after = s.withMode(department, mode);
        return Optional.of(change(after, by, now, TrialChange.Action.DEPARTMENT_MODE, department,
                before.name(), mode.name(), reason));
    }

    /** The period's id derives from the settings version it creates, so ids never repeat. */
    public static TrialChange declarePeriod(TrialSettings s, Instant from, Instant to, String reason, Actor by,
                                           Instant now) {
        requireReason(reason);
        if (from == null || to == null) {
            throw CommandRefused.invalid(from == null ? "from" : "to", "a trial period needs from and to");
        }
        if (!from.isBefore(to)) {
            throw CommandRefused.invalid("to", "a trial period ends after it starts");
        }
        TrialPeriod period = new TrialPeriod("period-" + (s.version() + 1), from, to, reason.strip());
        List<TrialPeriod> next = new ArrayList<>(s.periods());
        next.add(period);
        return change(s.withPeriods(next), by, now, TrialChange.Action.PERIOD_DECLARED, period.id(),
                "", period.span(), reason);
    }

    /** Ends a period now (a period not yet begun ends before it starts, i.e. is cancelled). */
    public static Optional<TrialChange> endPeriod(TrialSettings s, String periodId, String reason, Actor by,
                                                  Instant now) {
        requireReason(reason);
        TrialPeriod period = s.period(periodId).orElseThrow(() -> new UnknownTrialPeriod(periodId));
        Instant end = now.isBefore(period.from()) ? period.from() : now;
        if (!end.isBefore(period.to())) {
            return Optional.empty();
        }
        TrialPeriod ended = new TrialPeriod(period.id(), period.from(), end, period.reason());
        List<TrialPeriod> next = s.periods().stream().map(p -> p.id().equals(periodId) ? ended : p).toList();
        return Optional.of(change(s.withPeriods(next), by, now, TrialChange.Action.PERIOD_ENDED, periodId,
                period.span(), ended.span(), reason));
    }

    private static TrialChange change(TrialSettings after, Actor by, Instant now, TrialChange.Action action,
                                      String subject, String from, String to, String reason) {
        return new TrialChange(after, new TrialChange.Entry(after.version(), now, by.getEmployeeId(), by.getName(),
                action, subject, from, to, reason.strip()));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw CommandRefused.invalid("reason", "a reason is required");
        }
    }

    /** A period id that was never declared. */
    public static class UnknownTrialPeriod extends RuntimeException {
        public UnknownTrialPeriod(String id) {
            super(id);
        }
    }
}
