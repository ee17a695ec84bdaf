package org.fcr.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HolidayCoverageTest {

    private final HolidayCoverage only2026 = HolidayCoverage.of(Set.of("2026"));

    @Test
    void nextYearIsMissingOnceItIsWithinTheLookahead() {
        assertThat(only2026.missingYears(LocalDate.of(2026, 6, 1), 60)).isEmpty();
        assertThat(only2026.missingYears(LocalDate.of(2026, 11, 23), 60)).containsExactly(2027);
    }

    @Test
    void theCurrentYearWithoutAListIsMissing() {
        assertThat(only2026.missingYears(LocalDate.of(2027, 2, 1), 60)).containsExactly(2027);
        assertThat(only2026.missingYears(LocalDate.of(2027, 12, 1), 60)).containsExactly(2027, 2028);
    }

    @Test
    void aYearListedEvenWithoutHolidaysIsCovered() {
        HolidayCoverage both = HolidayCoverage.of(Set.of("2026", " 2027 "));

        assertThat(both.listedYears()).containsExactly(2026, 2027);
        assertThat(both.missingYears(LocalDate.of(2026, 12, 20), 60)).isEmpty();
    }

    @Test
    void aKeyThatIsNotAYearIsRefusedWithItsName() {
        assertThatThrownBy(() -> HolidayCoverage.of(Set.of("twenty-six")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'twenty-six' is not a year");
    }
}
