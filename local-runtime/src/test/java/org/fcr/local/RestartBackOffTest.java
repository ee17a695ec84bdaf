package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The run command's restart policy: doubling from 1 s, capped at 30 s, reset after two minutes healthy. */
class RestartBackOffTest {

    @ParameterizedTest(name = "{0} restarts in a row, healthy {1} s → restart {2} after {3} s")
    @CsvSource({
            // in a row, healthy s, → in a row, delay s
            "0,     0,   1,  1",   // first death: one second
            "1,     0,   2,  2",
            "2,     5,   3,  4",   // healthy, but not for long: still a crash loop
            "3,     0,   4,  8",
            "4,     0,   5, 16",
            "5,     0,   6, 30",   // 32 s capped
            "6,     0,   7, 30",
            "1000,  0,   1001, 30", // no overflow however long the loop
            "6,   119,   7, 30",   // one second short of recovered
            "6,   120,   1,  1",   // two minutes healthy: starts over
            "0,  3600,   1,  1",
    })
    void waitsTwiceAsLongAfterEachDeathInARowUntilTheServiceStaysHealthy(int inARow, long healthySeconds,
                                                                         int expectedInARow, long expectedDelaySeconds) {
        RestartBackOff.Restart restart = RestartBackOff.RUN_COMMAND.after(inARow, Duration.ofSeconds(healthySeconds));

        assertThat(restart).isEqualTo(new RestartBackOff.Restart(expectedInARow, Duration.ofSeconds(expectedDelaySeconds)));
    }

    @Test
    void refusesAPolicyThatCouldSpinOrNeverWait() {
        assertThatThrownBy(() -> new RestartBackOff(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartBackOff(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
