package org.fcr.sla.domain;

import java.time.Duration;

import org.fcr.events.Category;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.Stage;

/**
 * One line of the time-standard table (SPEC §5): how long a stage may take for the requests it
 * matches. A null matcher matches anything; the most specific matching rule wins. {@code remindAfter}
 * overrides the reminder share (e.g. an accident's completion: warn at 10, breach at 30 minutes).
 * For {@link ClockKind#WORKING} rules {@code time} counts working time, and {@code workingDays}
 * (if set) counts whole working days.
 */
public record TimeStandardRule(Category category, String subcategory, RequestSize size, Scope scope, Stage stage,
                               Duration time, Double workingDays, Duration remindAfter, ClockKind clock) {

    public TimeStandardRule {
        if (stage == null) {
            throw new IllegalArgumentException("A time standard needs a stage");
        }
        if (time == null && workingDays == null) {
            throw new IllegalArgumentException("A time standard for " + stage + " needs a time or working days");
        }
        clock = clock == null ? (workingDays != null ? ClockKind.WORKING : ClockKind.CLOCK) : clock;
    }

    public static TimeStandardRule of(Category category, Stage stage, Duration time) {
        return new TimeStandardRule(category, null, null, null, stage, time, null, null, ClockKind.CLOCK);
    }

    public boolean matches(RequestFacts facts, Stage wanted) {
        return stage == wanted
                && (category == null || category == facts.category())
                && (subcategory == null || subcategory.equals(facts.subcategory()))
                && (size == null || size == facts.size())
                && (scope == null || scope == facts.scope());
    }

    /** How many matchers the rule sets: a subcategory beats a size, which beats a bare category. */
    public int specificity() {
        return (category == null ? 0 : 1) + (scope == null ? 0 : 2) + (size == null ? 0 : 4)
                + (subcategory == null ? 0 : 8);
    }

    /** The standard in milliseconds of its own clock (working time for WORKING rules). */
    public long standardMillis(WorkingCalendar calendar) {
        if (workingDays != null) {
            return Math.round(workingDays * calendar.workingDay().toMillis());
        }
        return time.toMillis();
    }
}
