package org.fcr.scoring.messaging;

import java.time.Duration;

import reactor.util.retry.Retry;

/** Another writer saved the same document first: read again and apply again. */
final class ConcurrentUpdate extends RuntimeException {

    ConcurrentUpdate(String what) {
        super("concurrent update of " + what, null, false, false);
    }

    static Retry retry() {
        return Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                .filter(ConcurrentUpdate.class::isInstance);
    }
}
