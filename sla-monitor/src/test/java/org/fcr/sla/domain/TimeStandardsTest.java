package org.fcr.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.fcr.events.Category;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.Stage;
import org.junit.jupiter.api.Test;

/** Choosing the standard for a request, and the alarms it leads to. */
class TimeStandardsTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(ZoneId.of("UTC"), LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), Set.of());
    private static final RequestFacts WATER_SMALL = new RequestFacts(Category.FAULT_REPAIR, "水电", RequestSize.SMALL, Scope.IN_SCOPE);
    private static final RequestFacts LIFT_LARGE = new RequestFacts(Category.FAULT_REPAIR, "设备", RequestSize.LARGE, Scope.IN_SCOPE);

    private static TimeStandards standards(double speedup, TimeStandardRule... rules) {
        return new TimeStandards(List.of(rules), CALENDAR, speedup, 0.8, 2, 3);
    }

    private static TimeStandardRule rule(String subcategory, RequestSize size, int minutes) {
        return new TimeStandardRule(Category.FAULT_REPAIR, subcategory, size, null, Stage.COMPLETE,
                Duration.ofMinutes(minutes), null, null, null);
    }

    @Test
    void theMostSpecificRuleWins() {
        TimeStandards standards = standards(1, rule(null, null, 45), rule(null, RequestSize.LARGE, 60), rule("水电", null, 20));
        assertThat(standards.termsFor(WATER_SMALL, Stage.COMPLETE).orElseThrow().standardMillis()).isEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(standards.termsFor(LIFT_LARGE, Stage.COMPLETE).orElseThrow().standardMillis()).isEqualTo(Duration.ofMinutes(60).toMillis());
        assertThat(standards.termsFor(new RequestFacts(Category.FAULT_REPAIR, "设备", RequestSize.SMALL, Scope.IN_SCOPE), Stage.COMPLETE)
                .orElseThrow().standardMillis()).isEqualTo(Duration.ofMinutes(45).toMillis());
    }

    @Test
    void aStageWithoutAStandardIsNotTimed() {
        assertThat(standards(1, rule(null, null, 45)).termsFor(WATER_SMALL, Stage.ORGANISE)).isEmpty();
    }

    @Test
    void theSpeedUpDividesTheStandardAndTheReminder() {
        StandardTerms terms = standards(1000, rule(null, null, 5)).termsFor(WATER_SMALL, Stage.COMPLETE).orElseThrow();
        assertThat(terms.standardMillis()).isEqualTo(300);
        assertThat(terms.reminderMillis()).isEqualTo(240);
    }

    @Test
    void alarmsFallAtTheReminderShareTheDeadlineAndTheEscalationFactors() {
        TimeStandards standards = standards(1, rule(null, null, 10));
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        StageAlarms alarms = standards.alarmsFor(start, standards.termsFor(WATER_SMALL, Stage.COMPLETE).orElseThrow());
        assertThat(alarms).isEqualTo(new StageAlarms(start.plusSeconds(480), start.plusSeconds(600),
                start.plusSeconds(1200), start.plusSeconds(1800)));
    }

    @Test
    void workingDayStandardsCountOnTheCalendar() {
        TimeStandardRule reply = new TimeStandardRule(null, null, null, Scope.OUT_OF_SCOPE, Stage.DEPARTMENT_REPLY,
                null, 1.0, null, null);
        TimeStandards standards = standards(1, reply);
        RequestFacts outOfScope = new RequestFacts(Category.SERVICE, null, RequestSize.SMALL, Scope.OUT_OF_SCOPE);
        StandardTerms terms = standards.termsFor(outOfScope, Stage.DEPARTMENT_REPLY).orElseThrow();
        assertThat(terms.clock()).isEqualTo(ClockKind.WORKING);
        Instant friday = Instant.parse("2026-03-06T16:00:00Z");
        assertThat(standards.alarmsFor(friday, terms).deadline()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(standards.termsFor(WATER_SMALL, Stage.DEPARTMENT_REPLY)).isEmpty();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> standards(0, rule(null, null, 5))).hasMessageContaining("speedup");
        assertThatThrownBy(() -> new TimeStandardRule(null, null, null, null, Stage.ACCEPT, null, null, null, null))
                .hasMessageContaining("time");
    }
}
