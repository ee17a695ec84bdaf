package org.fcr.intake.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.fcr.events.RequestEvent;
import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.domain.CommandKeys;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.messaging.PendingRelays.Pending;
import org.fcr.intake.store.OpenWork;
import org.fcr.intake.store.RequestStore;
import org.fcr.intake.store.StaleVersion;
import org.fcr.intake.store.StoredRequest;
import org.fcr.support.problem.ApiProblem;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * How every change of a request becomes durable (ARCHITECTURE §4): note the write as pending, write
 * the aggregate with its new events (the outbox) in one atomic write, publish the events and wait
 * for the broker, then forget the note. One store write per command. The caller is answered only
 * after the broker acknowledged; if the broker does not, {@link RelaySweeper} relays them later,
 * and if intake dies first, the start-up {@link Reconciliation} does.
 */
@Service
public class RequestWorkflow {

    private static final int RETRIES_ON_RACE = 5;

    private final RequestStore store;
    private final PendingRelays pending;
    private final EventRelay relay;
    private final OpenWork openWork;
    private final IntakeProperties properties;

    public RequestWorkflow(RequestStore store, PendingRelays pending, EventRelay relay, OpenWork openWork,
                           IntakeProperties properties) {
        this.store = store;
        this.pending = pending;
        this.relay = relay;
        this.openWork = openWork;
        this.properties = properties;
    }

    /** Event times are kept to the millisecond, as Avro's timestamp_ms stores them. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Stores and publishes a new request; a second create with the same id republishes the first. */
    public Mono<RequestState> create(Decision decision) {
        Pending write = register(decision);
        return store.insert(decision)
                .flatMap(inserted -> inserted
                        ? publish(decision.state().id(), decision.events()).then(done(write))
                                .then(Mono.fromRunnable(() -> openWork.put(decision.state(), null)))
                                .thenReturn(decision.state())
                        : done(write).then(store.find(decision.state().id())).flatMap(this::republishAll));
    }

    /** Publishes and waits for the broker; a timeout or failure leaves the write pending for the sweeper. */
    private Mono<Void> publish(String requestId, List<RequestEvent> events) {
        return relay.publish(events).onErrorMap(e -> new NotYetDurable(requestId, e));
    }

    /**
     * Runs a command on the current state. With an expected version a concurrent change is a 409;
     * without one the command is decided again on the fresh state (a few times).
     */
    public Mono<RequestState> execute(String id, Long expectedVersion, Function<RequestState, Decision> command) {
        return execute(id, expectedVersion, null, command);
    }

    /**
     * As above, for a call with an Idempotency-Key ({@code commandKey}, null without one): its events carry
     * the key, and a call whose events are already in the timeline answers with the request as it is.
     */
    public Mono<RequestState> execute(String id, Long expectedVersion, String commandKey,
                                      Function<RequestState, Decision> command) {
        Mono<RequestState> attempt = Mono.defer(() -> store.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Request", id)))
                .flatMap(stored -> {
                    RequestState current = stored.state();
                    if (commandKey != null && CommandKeys.alreadyApplied(stored.timeline(), commandKey)) {
                        return Mono.just(current);
                    }
                    if (expectedVersion != null && expectedVersion != current.sequence()) {
                        return Mono.error(new StaleVersion(id, expectedVersion));
                    }
                    Decision decision = command.apply(current);
                    return save(commandKey == null ? decision : CommandKeys.tagged(decision, commandKey),
                            current.sequence());
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
        Pending write = register(decision);
        return store.append(decision, expectedSeq)
                .onErrorResume(StaleVersion.class, stale -> done(write).then(Mono.error(stale)))
                .then(afterEarlierWrites(write))
                .then(publish(decision.state().id(), decision.events()))
                .then(done(write))
                // read-your-writes for this instance's lists; other instances follow fcr.requests
                .then(Mono.fromRunnable(() -> openWork.put(decision.state(), null)))
                .thenReturn(decision.state());
    }

    private Mono<RequestState> republishAll(StoredRequest stored) {
        return publish(stored.state().id(), stored.timeline()).thenReturn(stored.state());
    }

    /** Noted before the write: should intake fail between write and acknowledgement, the sweeper relays it. */
    private Pending register(Decision decision) {
        List<Long> sequences = decision.events().stream().map(RequestEvent::getSequence).toList();
        return pending.register(decision.state().id(), sequences);
    }

    /**
     * Waits (at most the publish timeout) for an earlier command on the same request whose events are not
     * yet acknowledged. Past that this write stays pending too and the caller hears "not yet durable": the
     * sweeper relays both in order. Publishing it anyway put sequence 5 on fcr.requests while 4 was still
     * pending, and a crash then left the topic without 4 for good.
     */
    private Mono<Void> afterEarlierWrites(Pending write) {
        return Mono.fromFuture(() -> pending.earlierDone(write))
                .timeout(properties.publishTimeout())
                .onErrorMap(TimeoutException.class, e -> new NotYetDurable(write.requestId(), e));
    }

    private Mono<Void> done(Pending write) {
        return Mono.fromRunnable(() -> pending.done(write));
    }
}
