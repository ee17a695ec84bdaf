package org.fcr.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The least-loaded person on shift gets the ticket; ties go to the roster's order. */
class HandlerPickerTest {

    @ParameterizedTest(name = "{0} at {1} with open work {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # department  | at               | open work (id=count …) | handler
            engineering   | 2025-06-09T10:00 | -                      | eng01
            engineering   | 2025-06-09T10:00 | eng01=2 eng02=1        | eng02
            engineering   | 2025-06-09T10:00 | eng01=1 eng02=1        | eng01
            engineering   | 2025-06-09T10:00 | eng01=0 eng03=0 eng02=5| eng01
            engineering   | 2025-06-09T23:00 | eng03=9                | eng03
            engineering   | 2025-06-10T07:59 | -                      | eng03
            security      | 2025-06-10T03:00 | sec02=3                | cctv01
            security      | 2025-06-10T03:00 | sec02=0 cctv01=1       | sec02
            cleaning      | 2025-06-09T18:00 | -                      | -
            """)
    void picksTheLeastLoadedOnShift(String department, LocalDateTime at, String open, String expected) {
        var picked = HandlerPicker.pick(Fixtures.table().department(department).orElseThrow(), at, openWork(open));
        assertThat(picked.map(DutyShift::employeeId).orElse(null)).isEqualTo(expected);
    }

    static Map<String, Integer> openWork(String text) {
        Map<String, Integer> open = new HashMap<>();
        if (text != null) {
            for (String pair : text.trim().split("\\s+")) {
                String[] kv = pair.split("=");
                open.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return open;
    }
}
