package org.fcr.sla.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Which years the configured public-holiday list covers. The State Council publishes each year's
 * holidays and make-up days late in the year before; a year without its list counts every weekday as a
 * working day, so deadlines over the Spring Festival come out days too early and breaches are scored
 * that nobody caused. The operations manager must be told before that year begins.
 */
public record HolidayCoverage(SortedSet<Integer> listedYears) {

    public HolidayCoverage {
        listedYears = Collections.unmodifiableSortedSet(new TreeSet<>(listedYears));
    }

    public static HolidayCoverage of(Set<String> configuredYears) {
        SortedSet<Integer> years = new TreeSet<>();
        for (String year : configuredYears) {
            try {
                years.add(Integer.parseInt(year.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fcr.sla.calendar.holidays: '" + year + "' is not a year", e);
            }
        }
        return new HolidayCoverage(years);
    }

    /** Years from {@code today} to {@code lookaheadDays} later that have no list (an empty list counts as given). */
    public List<Integer> missingYears(LocalDate today, int lookaheadDays) {
        return IntStream.rangeClosed(today.getYear(), today.plusDays(lookaheadDays).getYear())
                .filter(year -> !listedYears.contains(year))
                .boxed()
                .toList();
    }
}
