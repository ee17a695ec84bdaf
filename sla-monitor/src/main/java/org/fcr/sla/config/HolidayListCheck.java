package org.fcr.sla.config;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fcr.sla.domain.HolidayCoverage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start (and answers on {@code GET /api/calendar}) while the holiday list lacks this year, or
 * the next one within {@link #LOOKAHEAD_DAYS}: the State Council's notice comes out in the autumn, and
 * the list must be added (fcr.sla.calendar.holidays and make-up-days) before that year's first holiday.
 */
@Component
public class HolidayListCheck {

    /** Two months: time to find the notice and restart with the new list. */
    public static final int LOOKAHEAD_DAYS = 60;

    private static final Logger log = LoggerFactory.getLogger(HolidayListCheck.class);

    private final HolidayCoverage coverage;
    private final ZoneId zone;

    public HolidayListCheck(SlaProperties properties) {
        Map<String, List<String>> holidays = properties.calendar().holidays();
        this.coverage = HolidayCoverage.of(holidays == null ? Set.of() : holidays.keySet());
        this.zone = ZoneId.of(properties.calendar().zone());
    }

    public HolidayCoverage coverage() {
        return coverage;
    }

    /** Years missing from today (in the calendar's zone) to {@link #LOOKAHEAD_DAYS} later. */
    public List<Integer> missingYears() {
        return coverage.missingYears(LocalDate.now(zone), LOOKAHEAD_DAYS);
    }

    /** The manager's warning for these missing years, Chinese first; null when none is missing. */
    public static String warning(List<Integer> missingYears) {
        if (missingYears.isEmpty()) {
            return null;
        }
        String years = String.join(", ", missingYears.stream().map(String::valueOf).toList());
        return "未配置 " + years + " 年法定节假日和调休安排（fcr.sla.calendar.holidays / make-up-days），"
                + "期限将按普通工作日计算。 / No public holidays or make-up days configured for " + years
                + ": deadlines will treat every weekday as a working day.";
    }

    @EventListener(ApplicationReadyEvent.class)
    public void warnWhenMissing() {
        String warning = warning(missingYears());
        if (warning != null) {
            log.warn(warning);
        }
    }
}
