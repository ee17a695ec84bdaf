package org.fcr.dispatch.domain;

import java.time.LocalTime;

/** A time of day window for a routing rule; a window whose end is before its start wraps midnight. */
public record TimeWindow(LocalTime from, LocalTime to) {

    public static final TimeWindow ALL_DAY = new TimeWindow(null, null);

    public boolean contains(LocalTime time) {
        if (from == null || to == null || from.equals(to)) {
            return true;
        }
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }
}
