package org.fcr.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fcr.events.Actor;

/**
 * The manager's audited trial-run actions (issue 8): switch a department between TRIAL and LIVE, declare a
 * trial period, end one early. Each answers the change to store, or nothing when nothing would change (a
 * repeated switch is not a second audit entry).
 * <p>
 * Issue 18: a typo must not turn the whole site into a drill (a number read as a 2038 date made a 37-year
 * period). A period ends in the future, lasts at most {@code longest} (configuration), and since every request
 * it covers is a drill, site-wide, it needs an explicit confirmation; so does the switch that would leave no
 * department LIVE.
 */
public final class TrialAdministration {

    private TrialAdministration() {
    }

    /** {@code known}: every department of the site; a switch leaving none of them LIVE needs the confirmation. */
    public static Optional<TrialChange> switchDepartment(TrialSettings s, String department, DepartmentMode mode,
                                                         String reason, Set<String> known, boolean wholeSiteConfirmed,
                                                         Actor by, Instant now) {
        requireReason(reason);
        DepartmentMode before = s.modeOf(department);
        if (before == mode) {
            return Optional.empty();
        }
        TrialSettings after = s.withMode(department, mode);
        boolean noneLive = mode == DepartmentMode.TRIAL && !known.isEmpty()
                && known.stream().allMatch(d -> d.equals(department) || after.modeOf(d) == DepartmentMode.TRIAL);
        if (noneLive && !wholeSiteConfirmed) {
            throw wholeSite("切换后所有部门都处于试运行");
        }
        return Optional.of(change(after, by, now, TrialChange.Action.DEPARTMENT_MODE, department,
                before.name(), mode.name(), reason));
    }

    /** The period's id derives from the settings version it creates, so ids never repeat. */
    public static TrialChange declarePeriod(TrialSettings s, Instant from, Instant to, String reason,
                                           boolean wholeSiteConfirmed, Duration longest, Actor by, Instant now) {
        requireReason(reason);
        if (from == null || to == null) {
            throw CommandRefused.invalid(from == null ? "from" : "to", "试运行期需要开始和结束时间 / a trial period needs from and to");
        }
        if (!from.isBefore(to)) {
            throw CommandRefused.invalid("to", "试运行期的结束须晚于开始 / a trial period ends after it starts");
        }
        if (!to.isAfter(now)) {
            throw CommandRefused.invalid("to", "试运行期不能在过去结束（" + to + "）/ a trial period cannot end in the past (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw CommandRefused.invalid("to", "试运行期最长 " + longest.toDays() + " 天，" + from + " 至 " + to + " 过长 / a trial "
                    + "period lasts at most " + longest.toDays() + " days; " + from + " to " + to + " is longer");
        }
        if (!wholeSiteConfirmed) {
            throw wholeSite("试运行期覆盖全站");
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

    private static CommandRefused wholeSite(String why) {
        return CommandRefused.invalid("confirmWholeSite", why + "：期间全站新受理的请求都将作为演练，不计分，也不通知客户；"
                + "确认请设置 confirmWholeSite=true / Every request accepted site-wide becomes a drill: not scored, "
                + "customers not told. Set confirmWholeSite to true to confirm");
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
