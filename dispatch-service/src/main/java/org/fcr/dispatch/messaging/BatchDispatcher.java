package org.fcr.dispatch.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.RoutingTable;
import org.fcr.dispatch.store.ArbitrationStore;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.dispatch.store.RoutingStore;
import org.fcr.dispatch.store.RoutingTables;
import org.fcr.events.RequestEventType;
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
 * state and its outbox (the requests a batch starts are inserted together, in one command), then
 * every order and decision of the outbox sent at once. Done when the
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchDispatcher.class);
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
        long started = System.nanoTime();
        AtomicLong written = new AtomicLong();
        // requests the batch starts (ACCEPTED first) need no read and are inserted together, in one command
        Map<String, List<RequestTransition.Positioned>> fresh = new LinkedHashMap<>();
        Map<String, List<RequestTransition.Positioned>> known = new LinkedHashMap<>();
        byRequest.forEach((id, events) -> (events.get(0).event().getType() == RequestEventType.ACCEPTED ? fresh : known).put(id, events));
        return tables.table().flatMap(table -> Flux.merge(
                        started(fresh, table, written),
                        Flux.fromIterable(known.entrySet())
                                .flatMap(e -> request(e.getKey(), e.getValue(), table, written), properties.getBatchConcurrency()))
                .reduce(Result.DONE, Result::earliest))
                .doOnNext(r -> log.debug("{} requests ({} new): last write after {} ms, all sent after {} ms", byRequest.size(),
                        fresh.size(), (written.get() - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000));
    }

    /** New requests: folded without a read, inserted in one command; one that turns out to exist goes the single way. */
    private Flux<Result> started(Map<String, List<RequestTransition.Positioned>> fresh, RoutingTable table, AtomicLong written) {
        if (fresh.isEmpty()) {
            return Flux.empty();
        }
        Map<String, RequestTransition> folded = new LinkedHashMap<>();
        fresh.forEach((id, events) -> folded.put(id, transitions.fold(id, null, events, table)));
        List<RoutingDocument> inserts = folded.values().stream().filter(RequestTransition::changed)
                .map(t -> RoutingDocument.of(t.state(), t.lastEvent(), t.outbox(), null)).toList();
        return routings.insertAll(inserts).flatMapMany(notInserted -> {
            written.accumulateAndGet(System.nanoTime(), Math::max);
            return Flux.fromIterable(folded.entrySet()).flatMap(e -> notInserted.contains(e.getKey())
                    ? request(e.getKey(), fresh.get(e.getKey()), table, written, true)
                    : opened(e.getValue()).then(sent(e.getKey(), e.getValue(), fresh.get(e.getKey()))), properties.getBatchConcurrency());
        });
    }

    private Mono<Result> request(String requestId, List<RequestTransition.Positioned> events, RoutingTable table, AtomicLong written) {
        return request(requestId, events, table, written, events.get(0).event().getType() != RequestEventType.ACCEPTED);
    }

    /** One request the single way: read (unless it is new), fold, write (retried from the read on a conflict), send. */
    private Mono<Result> request(String requestId, List<RequestTransition.Positioned> events, RoutingTable table,
                                 AtomicLong written, boolean readFirst) {
        AtomicBoolean read = new AtomicBoolean(readFirst);
        return Mono.defer(() -> stored(requestId, read.get())
                        .flatMap(doc -> {
                            RequestTransition transition = transitions.fold(requestId, doc.orElse(null), events, table);
                            return write(transition).thenReturn(transition);
                        })
                        .doOnError(DuplicateKeyException.class, e -> read.set(true)))
                .retryWhen(ON_CONFLICT)
                .doOnNext(t -> written.accumulateAndGet(System.nanoTime(), Math::max))
                .flatMap(transition -> sent(requestId, transition, events))
                .onErrorResume(e -> Mono.just(new Result(events.get(0).index(), e)));
    }

    private Mono<Result> sent(String requestId, RequestTransition transition, List<RequestTransition.Positioned> events) {
        return send(requestId, transition)
                .thenReturn(transition.failed() ? new Result(transition.failedIndex(), transition.failure()) : Result.DONE)
                .onErrorResume(e -> Mono.just(new Result(events.get(0).index(), e)));
    }

    private Mono<Optional<RoutingDocument>> stored(String requestId, boolean read) {
        return read ? routings.find(requestId).map(Optional::of).defaultIfEmpty(Optional.empty()) : Mono.just(Optional.empty());
    }

    private Mono<Void> write(RequestTransition t) {
        if (!t.changed()) {
            return Mono.empty();
        }
        return routings.save(RoutingDocument.of(t.state(), t.lastEvent(), t.outbox(), t.version())).then(opened(t));
    }

    private Mono<Void> opened(RequestTransition t) {
        return Flux.fromIterable(t.arbitrations()).concatMap(arbitrations::open).then();
    }

    /** All entries at once; an entry whose origin is unknown (a manager's ruling) is cleared once sent. */
    private Mono<Void> send(String requestId, RequestTransition t) {
        var unknownOrigin = t.outbox().stream().filter(p -> p.partition() == null).findFirst();
        return Flux.fromIterable(t.outbox()).flatMap(p -> sender.deliver(requestId, p))
                .then(unknownOrigin.map(p -> routings.sent(requestId, p.decisionId())).orElse(Mono.empty()));
    }
}
