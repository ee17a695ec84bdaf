package org.fcr.intake.domain;

import java.time.Instant;

/** A period declared a simulated trial run (模拟试运行): requests received in [from, to) are drills. */
public record TrialPeriod(String id, Instant from, Instant to, String reason) {

    public boolean covers(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }

    public String span() {
        return from + "/" + to;
    }
}
