package org.fcr.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who is on shift when: day shifts, night shifts across midnight, 24-hour posts, working days. */
class DutyShiftTest {

    @ParameterizedTest(name = "{0} {1}–{2} on {3}, at {4}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # days        | start | end   | at (2025-06-09 is a Monday) | on shift?
            ''            | 08:00 | 20:00 | 2025-06-09T08:00 | true
            ''            | 08:00 | 20:00 | 2025-06-09T19:59 | true
            ''            | 08:00 | 20:00 | 2025-06-09T20:00 | false
            ''            | 08:00 | 20:00 | 2025-06-09T07:59 | false
            ''            | 20:00 | 08:00 | 2025-06-09T23:30 | true
            ''            | 20:00 | 08:00 | 2025-06-10T03:00 | true
            ''            | 20:00 | 08:00 | 2025-06-10T08:00 | false
            ''            | 20:00 | 08:00 | 2025-06-10T12:00 | false
            ''            | 00:00 | 00:00 | 2025-06-10T12:00 | true
            ''            | 00:00 | 00:00 | 2025-06-15T00:00 | true
            MON TUE WED THU FRI | 09:00 | 18:00 | 2025-06-13T10:00 | true
            MON TUE WED THU FRI | 09:00 | 18:00 | 2025-06-14T10:00 | false
            FRI           | 22:00 | 06:00 | 2025-06-14T05:00 | true
            FRI           | 22:00 | 06:00 | 2025-06-14T23:00 | false
            FRI           | 22:00 | 06:00 | 2025-06-13T05:00 | false
            SAT           | 00:00 | 00:00 | 2025-06-14T23:59 | true
            SAT           | 00:00 | 00:00 | 2025-06-15T00:01 | false
            """)
    void coversItsHours(String days, LocalTime start, LocalTime end, LocalDateTime at, boolean expected) {
        var shift = new DutyShift("e1", "员工", days(days), start, end);
        assertThat(shift.covers(at)).isEqualTo(expected);
    }

    static Set<DayOfWeek> days(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.trim().split("\\s+"))
                .map(d -> Arrays.stream(DayOfWeek.values()).filter(v -> v.name().startsWith(d)).findFirst().orElseThrow())
                .collect(Collectors.toSet());
    }
}
