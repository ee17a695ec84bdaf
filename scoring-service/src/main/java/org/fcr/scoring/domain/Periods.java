package org.fcr.scoring.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Assessment periods. Figures are kept per calendar month in the company's time zone; any other
 * period is a run of months: {@code 2026-11}, {@code 2026-09..2026-11}, {@code 2026} (the year).
 */
public final class Periods {

    private final ZoneId zone;

    public Periods(ZoneId zone) {
        this.zone = zone;
    }

    public String monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone)).toString();
    }

    public String currentMonth(Instant now) {
        return monthOf(now);
    }

    /** The months of a period expression; a bad expression is an IllegalArgumentException. */
    public static List<String> months(String period) {
        if (period == null || period.isBlank()) {
            throw new IllegalArgumentException("period is required, e.g. 2026-11");
        }
        try {
            if (period.matches("\\d{4}")) {
                return between(YearMonth.of(Integer.parseInt(period), 1), YearMonth.of(Integer.parseInt(period), 12));
            }
            String[] ends = period.split("\\.\\.");
            YearMonth from = YearMonth.parse(ends[0].trim());
            YearMonth to = ends.length > 1 ? YearMonth.parse(ends[1].trim()) : from;
            if (to.isBefore(from) || from.plusMonths(36).isBefore(to)) {
                throw new IllegalArgumentException("period must run forward and span at most 3 years: " + period);
            }
            return between(from, to);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a period (use 2026-11, 2026-09..2026-11 or 2026): " + period);
        }
    }

    /** The last n months up to and including the given one, oldest first. */
    public static List<String> lastMonths(String month, int n) {
        YearMonth end = YearMonth.parse(month);
        return between(end.minusMonths(n - 1L), end);
    }

    private static List<String> between(YearMonth from, YearMonth to) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}
