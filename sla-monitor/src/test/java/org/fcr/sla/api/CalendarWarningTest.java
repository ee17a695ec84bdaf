package org.fcr.sla.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fcr.sla.config.HolidayListCheck;
import org.junit.jupiter.api.Test;

class CalendarWarningTest {

    @Test
    void theWarningNamesTheMissingYearsInChineseFirst() {
        String warning = HolidayListCheck.warning(List.of(2027, 2028));

        assertThat(warning).startsWith("未配置 2027, 2028 年法定节假日").contains("No public holidays", "2027, 2028");
    }

    @Test
    void noWarningWhenEveryYearIsListed() {
        assertThat(HolidayListCheck.warning(List.of())).isNull();
    }
}
