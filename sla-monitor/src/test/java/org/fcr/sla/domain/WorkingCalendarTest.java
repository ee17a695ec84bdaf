package org.fcr.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.fcr.sla.config.SlaConfiguration;
import org.fcr.sla.support.ConfiguredStandards;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "1 working day" on the shipped calendar (Asia/Shanghai, 09:00–17:30, 2026 holidays and make-up days). */
class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = SlaConfiguration.toCalendar(ConfiguredStandards.properties().calendar());
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0} + {1} working hours → {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-02T10:00 | 8.5 | 2026-03-03T10:00 | Monday to Tuesday
            2026-03-02T09:00 | 8.5 | 2026-03-02T17:30 | a whole day ends the same evening
            2026-03-06T15:00 | 8.5 | 2026-03-09T15:00 | Friday across the weekend to Monday
            2026-03-07T11:00 | 8.5 | 2026-03-09T17:30 | started on Saturday: counts from Monday 09:00
            2026-03-02T07:30 | 1   | 2026-03-02T10:00 | before hours: counts from 09:00
            2026-03-02T18:00 | 1   | 2026-03-03T10:00 | after hours: counts from the next morning
            2026-04-03T15:00 | 8.5 | 2026-04-07T15:00 | Friday, the weekend and Qingming Monday skipped
            2026-09-30T15:00 | 8.5 | 2026-10-08T15:00 | across the National Day week
            2026-02-27T15:00 | 8.5 | 2026-02-28T15:00 | Saturday 28 Feb is a make-up working day
            2026-01-02T10:00 | 1   | 2026-01-04T10:00 | a holiday Friday; Sunday 4 Jan is worked
            """)
    void workingTimeSkipsWeekendsAndHolidaysAndCountsMakeUpDays(String start, double hours, String expected, String why) {
        var from = LocalDateTime.parse(start).atZone(ZONE).toInstant();
        var due = CALENDAR.plusWorkingTime(from, Duration.ofMinutes(Math.round(hours * 60)));
        assertThat(LocalDateTime.ofInstant(due, ZONE)).as(why).isEqualTo(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2026-03-02, true", "2026-03-07, false", "2026-10-01, false", "2026-10-10, true", "2026-05-09, true"})
    void workingDays(String day, boolean working) {
        assertThat(CALENDAR.isWorkingDay(java.time.LocalDate.parse(day))).isEqualTo(working);
    }
}
