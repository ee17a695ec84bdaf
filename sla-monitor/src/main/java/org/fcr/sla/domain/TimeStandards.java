package org.fcr.sla.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fcr.events.Stage;

/**
 * The company's time standards (SPEC §5) and the rules around them: the reminder share (督促 at 80 %
 * of the stage time), the escalation thresholds (supervisor at 2×, office manager at 3× the
 * standard), the working calendar, and a speed-up that divides every standard for demos and tests.
 */
public final class TimeStandards {

    private final List<TimeStandardRule> rules;
    private final WorkingCalendar calendar;
    private final double speedup;
    private final double reminderShare;
    private final double supervisorFactor;
    private final double officeManagerFactor;

    public TimeStandards(List<TimeStandardRule> rules, WorkingCalendar calendar, double speedup, double reminderShare,
                         double supervisorFactor, double officeManagerFactor) {
        if (speedup <= 0) {
            throw new IllegalArgumentException("fcr.sla.speedup must be positive: " + speedup);
        }
        if (reminderShare <= 0 || reminderShare >= 1) {
            throw new IllegalArgumentException("The reminder share must lie between 0 and 1: " + reminderShare);
        }
        this.rules = List.copyOf(rules);
        this.calendar = calendar;
        this.speedup = speedup;
        this.reminderShare = reminderShare;
        this.supervisorFactor = supervisorFactor;
        this.officeManagerFactor = officeManagerFactor;
    }

    /** The terms for a stage of this request, or empty when the company sets no standard for it. */
    public Optional<StandardTerms> termsFor(RequestFacts facts, Stage stage) {
        return rules.stream()
                .filter(rule -> rule.matches(facts, stage))
                .max(Comparator.comparingInt(TimeStandardRule::specificity))
                .map(this::terms);
    }

    private StandardTerms terms(TimeStandardRule rule) {
        long standard = scaled(rule.standardMillis(calendar));
        long reminder = rule.remindAfter() != null ? scaled(rule.remindAfter().toMillis())
                : Math.round(standard * reminderShare);
        return new StandardTerms(rule.stage(), standard, Math.min(reminder, standard), rule.clock());
    }

    private long scaled(long millis) {
        return Math.max(1, Math.round(millis / speedup));
    }

    /** The instant {@code millis} of the stage's clock after {@code start}. */
    public Instant after(Instant start, long millis, ClockKind clock) {
        return clock == ClockKind.WORKING
                ? calendar.plusWorkingTime(start, java.time.Duration.ofMillis(millis))
                : start.plusMillis(millis);
    }

    /** The alarms of a stage starting now under these terms. */
    public StageAlarms alarmsFor(Instant start, StandardTerms terms) {
        long standard = terms.standardMillis();
        Instant reminder = after(start, terms.reminderMillis(), terms.clock());
        Instant deadline = after(start, standard, terms.clock());
        Instant supervisor = supervisorFactor > 1 ? after(start, Math.round(standard * supervisorFactor), terms.clock()) : null;
        Instant manager = supervisor != null && officeManagerFactor > supervisorFactor
                ? after(start, Math.round(standard * officeManagerFactor), terms.clock()) : null;
        return new StageAlarms(reminder, deadline, supervisor, manager);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }
}
