package org.fcr.sla.api;

import java.util.List;

import org.fcr.sla.config.HolidayListCheck;
import org.fcr.sla.config.SlaProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar behind every deadline, so a manager can see which years' holidays are set. */
@RestController
public class CalendarController {

    private final SlaProperties.Calendar calendar;
    private final HolidayListCheck check;

    public CalendarController(SlaProperties properties, HolidayListCheck check) {
        this.calendar = properties.calendar();
        this.check = check;
    }

    @GetMapping("/api/calendar")
    public CalendarView calendar() {
        List<Integer> missing = check.missingYears();
        return new CalendarView(calendar.zone(), calendar.workStart(), calendar.workEnd(), calendar.weekend(),
                List.copyOf(check.coverage().listedYears()), missing, HolidayListCheck.warning(missing));
    }
}
