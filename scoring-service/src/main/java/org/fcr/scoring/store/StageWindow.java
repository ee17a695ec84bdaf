package org.fcr.scoring.store;

import java.time.Instant;

/** One window of sla-monitor's stage statistics (department × category × stage). */
public record StageWindow(String department, String category, String stage, String windowSize, Instant windowStart,
                          long count, long met, long breached, long p90Millis) {
}
