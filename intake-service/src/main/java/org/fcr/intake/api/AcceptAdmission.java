package org.fcr.intake.api;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.fcr.intake.config.IntakeProperties;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Sheds accepts beyond what this instance can take: past {@code fcr.intake.max-accepts-in-flight},
 * a new accept is answered at once with a 503 {@code overloaded} and Retry-After instead of joining
 * a queue in which every caller then waits seconds. A front-end replaying a backlog (an open-loop
 * burst) would otherwise pile up until every answer came too late; now the excess retries shortly
 * and the accepts already admitted keep their latency. Nothing shed was written or claimed.
 */
@Component
public class AcceptAdmission {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;

    public AcceptAdmission(IntakeProperties properties) {
        this.limit = properties.maxAcceptsInFlight();
    }

    /** Runs the accept if fewer than the limit are running; its slot is freed however it ends. */
    public <T> Mono<T> admit(Supplier<Mono<T>> accept) {
        return Mono.defer(() -> {
            if (inFlight.incrementAndGet() > limit) {
                inFlight.decrementAndGet();
                return Mono.error(new Overloaded(limit));
            }
            return Mono.defer(accept).doFinally(signal -> inFlight.decrementAndGet());
        });
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Too many accepts are running here: retry in a moment (503, Retry-After). */
    public static final class Overloaded extends RuntimeException {
        Overloaded(int limit) {
            super("受理繁忙，请稍后重试 / " + limit + " requests are being accepted right now; retry in a moment");
        }
    }
}
