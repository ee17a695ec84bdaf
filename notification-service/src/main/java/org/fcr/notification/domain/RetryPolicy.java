package org.fcr.notification.domain;

import java.time.Duration;
import java.util.Optional;

/** Exponential backoff between delivery attempts; after the last attempt the notice is given up. */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before the next attempt after {@code attemptsSoFar} failed ones; empty = give up. */
    public Optional<Duration> nextDelay(int attemptsSoFar) {
        if (attemptsSoFar >= maxAttempts) {
            return Optional.empty();
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attemptsSoFar - 1));
        return Optional.of(Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis())));
    }
}
