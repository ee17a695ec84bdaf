package org.fcr.intake.store;

import java.time.Instant;

/** What a list of requests is filtered by; null means "any". {@code from}/{@code to} bound receivedAt. */
public record RequestFilter(String status, String stage, String category, String channel, String register,
                            String firstResponder, String department, String handler, String returnedBy,
                            Instant from, Instant to, Boolean overdue) {

    public static RequestFilter none() {
        return new RequestFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
