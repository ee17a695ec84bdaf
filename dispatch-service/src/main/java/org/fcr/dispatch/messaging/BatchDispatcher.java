package org.fcr.dispatch.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.RoutingTable;
import org.fcr.dispatch.store.ArbitrationStore;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.dispatch.store.RoutingStore;
import org.fcr.dispatch.store.RoutingTables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Dispatches one poll batch: its records grouped by request (each request's events kept in order),
 * different requests worked at the same time. Per request: one read by {@code _id} (none when the
 * batch starts it with ACCEPTED), the events folded into one new state, one write carrying that
 * state and its outbox, then every order and decision of the outbox sent at once. Done when the
 * broker has all of them; a request that failed is reported with the batch index of the record
 * that failed, the earliest over the batch.
 */
@Service
public class BatchDispatcher {

    /** The earliest batch index that failed, and why; {@code index < 0}: all done. */
    public record Result(int index, Throwable failure) {
        static final Result DONE = new Result(-1, null);

        boolean failed() {
            return index >= 0;
        }

        static Result earliest(Result a, Result b) {
            if (!a.failed()) {
                return b;
            }
            return !b.failed() || a.index() <= b.index() ? a : b;
        }
    }

    private static final Retry ON_CONFLICT = Retry.backoff(8, Duration.ofMillis(10))
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DataIntegrityViolationException);

    private final Transitions transitions;
    private final RoutingStore routings;
    private final RoutingTables tables;
    private final ArbitrationStore arbitrations;
    private final DispatchSender sender;
    private final DispatchProperties properties;

    public BatchDispatcher(Transitions transitions, RoutingStore routings, RoutingTables tables,
                           ArbitrationStore arbitrations, DispatchSender sender, DispatchProperties properties) {
        this.transitions = transitions;
        this.routings = routings;
        this.tables = tables;
        this.arbitrations = arbitrations;
        this.sender = sender;
        this.properties = properties;
    }

    public Mono<Result> dispatch(List<RequestTransition.Positioned> records) {
        Map<String, List<RequestTransition.Positioned>> byRequest = new LinkedHashMap<>();
        for (var record : records) {
            if (RequestTransition.concerns(record.event())) { // events dispatch ignores read nothing
                byRequest.computeIfAbsent(record.event().getRequestId(), id -> new ArrayList<>()).add(record);
            }
        }
        if (byRequest.isEmpty()) {
            return Mono.just(Result.DONE);
        }
        return tables.table().flatMap(table -> Flux.fromIterable(byRequest.entrySet())
                .flatMap(e -> request(e.getKey(), e.getValue(), table), properties.getBatchConcurrency())
                .reduce(Result.DONE, Result::earliest));
    }

    private Mono<Result> request(String requestId, List<RequestTransition.Positioned> events, RoutingTable table) {
        // a request the batch starts is new: no read; if it is not (a replay), the insert fails and it is read
        AtomicBoolean read = new AtomicBoolean(events.get(0).event().getType() != org.fcr.events.RequestEventType.ACCEPTED);
        return Mono.defer(() -> stored(requestId, read.get())
                        .flatMap(doc -> {
                            RequestTransition transition = transitions.fold(requestId, doc.orElse(null), events, table);
                            return write(transition).thenReturn(transition);
                        })
                        .doOnError(DuplicateKeyException.class, e -> read.set(true)))
                .retryWhen(ON_CONFLICT)
                .flatMap(transition -> send(requestId, transition)
                        .thenReturn(transition.failed() ? new Result(transition.failedIndex(), transition.failure()) : Result.DONE))
                .onErrorResume(e -> Mono.just(new Result(events.get(0).index(), e)));
    }

    private Mono<Optional<RoutingDocument>> stored(String requestId, boolean read) {
        return read ? routings.find(requestId).map(Optional::of).defaultIfEmpty(Optional.empty()) : Mono.just(Optional.empty());
    }

    private Mono<Void> write(RequestTransition t) {
        if (!t.changed()) {
            return Mono.empty();
        }
        return routings.save(RoutingDocument.of(t.state(), t.lastEvent(), t.outbox(), t.version()))
                .thenMany(Flux.fromIterable(t.arbitrations()).concatMap(arbitrations::open))
                .then();
    }

    /** All entries at once; an entry whose origin is unknown (a manager's ruling) is cleared once sent. */
    private Mono<Void> send(String requestId, RequestTransition t) {
        var unknownOrigin = t.outbox().stream().filter(p -> p.partition() == null).findFirst();
        return Flux.fromIterable(t.outbox()).flatMap(p -> sender.deliver(requestId, p))
                .then(unknownOrigin.map(p -> routings.sent(requestId, p.decisionId())).orElse(Mono.empty()));
    }
}
