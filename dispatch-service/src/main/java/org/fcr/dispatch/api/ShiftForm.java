package org.fcr.dispatch.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;

import org.fcr.dispatch.domain.DutyShift;
import org.fcr.support.problem.ApiProblem;

/** One roster line as the API and the seed file write it: days like MONDAY or MON, times "HH:mm". */
public record ShiftForm(@NotBlank String employeeId, String name, List<String> days,
                        @NotBlank String start, @NotBlank String end) {

    public DutyShift toShift() {
        return new DutyShift(employeeId.trim(), name, parseDays(days), time(start, "start"), time(end, "end"));
    }

    public static ShiftForm of(DutyShift shift) {
        return new ShiftForm(shift.employeeId(), shift.name(),
                shift.days().stream().sorted().map(DayOfWeek::name).toList(),
                shift.start().toString(), shift.end().toString());
    }

    static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiProblem.badRequest("bad-time", "Not a time of day (HH:mm): " + text).with("field", field);
        }
    }

    private static Set<DayOfWeek> parseDays(List<String> days) {
        if (days == null) {
            return Set.of();
        }
        return days.stream().filter(d -> d != null && !d.isBlank()).map(ShiftForm::day).collect(Collectors.toSet());
    }

    private static DayOfWeek day(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().startsWith(upper) && upper.length() >= 3) {
                return day;
            }
        }
        throw ApiProblem.badRequest("bad-day", "Not a day of the week: " + text).with("field", "days");
    }
}
