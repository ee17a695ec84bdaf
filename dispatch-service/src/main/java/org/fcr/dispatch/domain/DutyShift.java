package org.fcr.dispatch.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * One person's place on a department's duty roster. A shift whose end is not after its start runs
 * across midnight (20:00–08:00 belongs to the day it starts on); start equal to end is a 24-hour
 * post. No days means every day.
 */
public record DutyShift(String employeeId, String name, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public DutyShift {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        days = days == null ? Set.of() : Set.copyOf(days);
        name = name == null || name.isBlank() ? employeeId : name;
    }

    public boolean roundTheClock() {
        return start.equals(end);
    }

    public boolean acrossMidnight() {
        return end.isBefore(start);
    }

    /** Whether this person is on shift at the given local time. */
    public boolean covers(LocalDateTime at) {
        LocalTime time = at.toLocalTime();
        if (roundTheClock()) {
            return worksOn(at.getDayOfWeek());
        }
        if (!acrossMidnight()) {
            return worksOn(at.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
        // after midnight the shift still belongs to the day it started on
        return (worksOn(at.getDayOfWeek()) && !time.isBefore(start))
                || (worksOn(at.getDayOfWeek().minus(1)) && time.isBefore(end));
    }

    private boolean worksOn(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }
}
