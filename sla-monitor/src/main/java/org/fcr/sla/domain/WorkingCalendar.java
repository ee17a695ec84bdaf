package org.fcr.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The working-day calendar behind "the department replies within 1 working day": weekends and
 * public holidays do not count, make-up working days (调休) do, and only working hours count.
 */
public record WorkingCalendar(ZoneId zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> weekend,
                              Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {

    /** No calendar lasts ten years without a working day; beyond that the configuration is wrong. */
    private static final int MAX_DAYS = 3660;

    public WorkingCalendar {
        if (!workEnd.isAfter(workStart)) {
            throw new IllegalArgumentException("Working hours must end after they start: " + workStart + "-" + workEnd);
        }
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
        makeUpDays = Set.copyOf(makeUpDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpDays.contains(day)) {
            return true;
        }
        return !holidays.contains(day) && !weekend.contains(day.getDayOfWeek());
    }

    /** Length of one working day, the unit of "N working days". */
    public Duration workingDay() {
        return Duration.between(workStart, workEnd);
    }

    /** The instant at which {@code amount} of working time has passed since {@code start}. */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        LocalDateTime at = LocalDateTime.ofInstant(start, zone);
        Duration left = amount;
        for (int days = 0; days < MAX_DAYS; days++) {
            LocalDate day = at.toLocalDate();
            if (!isWorkingDay(day) || !at.toLocalTime().isBefore(workEnd)) {
                at = day.plusDays(1).atTime(workStart);
                continue;
            }
            if (at.toLocalTime().isBefore(workStart)) {
                at = day.atTime(workStart);
            }
            Duration today = Duration.between(at, day.atTime(workEnd));
            if (left.compareTo(today) <= 0) {
                return at.plus(left).atZone(zone).toInstant();
            }
            left = left.minus(today);
            at = day.plusDays(1).atTime(workStart);
        }
        throw new IllegalStateException("No working time found within " + MAX_DAYS + " days of " + start);
    }
}
