package org.fcr.intake.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import org.fcr.events.RequestEvent;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.store.OpenWork;
import org.fcr.intake.store.OutboxMarkers;
import org.fcr.intake.store.OutboxMarkers.Marker;
import org.fcr.intake.store.RequestStore;
import org.fcr.intake.store.StaleVersion;
import org.fcr.intake.store.StoredRequest;
import org.fcr.support.problem.ApiProblem;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * How every change of a request becomes durable (ARCHITECTURE §4): mark the outbox, write the
 * aggregate with its new events in one atomic write, publish the events and wait for the broker,
 * then drop the mark. The caller is answered only after the broker acknowledged; if the broker
 * does not, the events stay marked and {@link OutboxSweeper} relays them later.
 */
@Service
public class RequestWorkflow {

    private static final int RETRIES_ON_RACE = 5;

    private final RequestStore store;
    private final OutboxMarkers markers;
    private final EventRelay relay;
    private final OpenWork openWork;

    public RequestWorkflow(RequestStore store, OutboxMarkers markers, EventRelay relay, OpenWork openWork) {
        this.store = store;
        this.markers = markers;
        this.relay = relay;
        this.openWork = openWork;
    }

    /** Event times are kept to the millisecond, as Avro's timestamp_ms stores them. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Stores and publishes a new request; a second create with the same id republishes the first. */
    public Mono<RequestState> create(Decision decision) {
        Marker marker = marker(decision);
        return markers.claimNew(marker)
                .then(store.insert(decision))
                .flatMap(inserted -> inserted
                        ? publish(decision.state().id(), decision.events()).then(release(marker))
                                .then(Mono.fromRunnable(() -> openWork.put(decision.state(), null)))
                                .thenReturn(decision.state())
                        : store.find(decision.state().id()).flatMap(this::republishAll));
    }

    /** Publishes and waits for the broker; a timeout or failure leaves the events marked for the sweeper. */
    private Mono<Void> publish(String requestId, List<RequestEvent> events) {
        return relay.publish(events).onErrorMap(e -> new NotYetDurable(requestId, e));
    }

    /**
     * Runs a command on the current state. With an expected version a concurrent change is a 409;
     * without one the command is decided again on the fresh state (a few times).
     */
    public Mono<RequestState> execute(String id, Long expectedVersion, Function<RequestState, Decision> command) {
        Mono<RequestState> attempt = Mono.defer(() -> store.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Request", id)))
                .flatMap(stored -> {
                    RequestState current = stored.state();
                    if (expectedVersion != null && expectedVersion != current.sequence()) {
                        return Mono.error(new StaleVersion(id, expectedVersion));
                    }
                    Decision decision = command.apply(current);
                    return save(decision, current.sequence());
                }));
        if (expectedVersion != null) {
            return attempt;
        }
        return attempt.retryWhen(Retry.max(RETRIES_ON_RACE).filter(StaleVersion.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<RequestState> save(Decision decision, long expectedSeq) {
        if (decision.nothingChanged()) {
            return Mono.just(decision.state());
        }
        Marker marker = marker(decision);
        return markers.claim(marker)
                .then(store.append(decision, expectedSeq))
                .then(publish(decision.state().id(), decision.events()))
                .then(release(marker))
                // read-your-writes for this instance's lists; other instances follow fcr.requests
                .then(Mono.fromRunnable(() -> openWork.put(decision.state(), null)))
                .thenReturn(decision.state());
    }

    private Mono<RequestState> republishAll(StoredRequest stored) {
        return publish(stored.state().id(), stored.timeline()).thenReturn(stored.state());
    }

    private Mono<Void> release(Marker marker) {
        return Mono.fromRunnable(() -> markers.release(marker));
    }

    private static Marker marker(Decision decision) {
        List<Long> sequences = decision.events().stream().map(RequestEvent::getSequence).toList();
        return new Marker(decision.state().id(), sequences);
    }
}
