package org.fcr.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Non-urgent customer messages wait for the end of quiet hours (delayed, never dropped). The window
 * may cross midnight (22:00–08:00). Equal start and end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public static QuietHours none() {
        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));
    }

    /** When a message wanting to go at {@code now} may go: now, or the end of the quiet window. */
    public Instant releaseAt(Instant now) {
        if (start.equals(end)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = start.isAfter(end);
        boolean quiet = crossesMidnight
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime release = local.with(end).withSecond(0).withNano(0);
        if (!release.isAfter(local)) {
            release = release.plusDays(1);
        }
        return release.toInstant();
    }
}
