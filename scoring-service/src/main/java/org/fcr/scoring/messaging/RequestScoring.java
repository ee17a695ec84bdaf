package org.fcr.scoring.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.scoring.domain.Actors;
import org.fcr.scoring.domain.CustomerHistory;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.RepeatComplaints;
import org.fcr.scoring.domain.RequestFacts;
import org.fcr.scoring.domain.RulesEngine;
import org.fcr.scoring.store.FactsStore;
import org.fcr.scoring.store.OpenWorkStore;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scores one request event: the rules engine over the request's facts, the repeat-complaint check
 * over the customer's history, then ledger, aggregates and facts — facts last, so an event whose
 * facts were not saved is applied again in full (every earlier step is idempotent).
 */
@Component
public class RequestScoring {

    private final RulesEngine engine;
    private final RepeatComplaints repeats;
    private final FactsStore store;
    private final LedgerRecorder ledger;
    private final Contributions contributions;
    private final OpenWorkStore openWork;

    public RequestScoring(RulesEngine engine, RepeatComplaints repeats, FactsStore store, LedgerRecorder ledger,
                          Contributions contributions, OpenWorkStore openWork) {
        this.engine = engine;
        this.repeats = repeats;
        this.store = store;
        this.ledger = ledger;
        this.contributions = contributions;
        this.openWork = openWork;
    }

    /**
     * Scores one customer's events of a poll (one unit of {@link ScoringListeners}) in their order, with each
     * request's facts and the customer's history read once and saved once, however many events there are:
     * one store round trip per event step made a busy customer's backlog drain at ~10 records a second.
     * Where a save finds that another writer was first, that request's events are scored again one by one.
     */
    public Mono<Void> applyAll(List<RequestEvent> events) {
        if (events.size() == 1) {
            return apply(events.get(0));
        }
        Map<String, List<RequestEvent>> byRequest = new LinkedHashMap<>();
        events.forEach(e -> byRequest.computeIfAbsent(e.getRequestId(), id -> new ArrayList<>()).add(e));
        String customerKey = events.stream().map(RequestScoring::customerOf).filter(Objects::nonNull).findFirst().orElse(null);
        Mono<Optional<CustomerHistory>> history = customerKey == null ? Mono.just(Optional.empty())
                : store.history(customerKey).map(Optional::of);
        return Flux.fromIterable(byRequest.keySet()).concatMap(store::facts).collectMap(RequestFacts::id)
                .zipWith(history)
                .flatMap(read -> scoreTogether(events, read.getT1(), read.getT2().orElse(null), byRequest));
    }

    private Mono<Void> scoreTogether(List<RequestEvent> events, Map<String, RequestFacts> facts, CustomerHistory history,
                                     Map<String, List<RequestEvent>> byRequest) {
        List<LedgerEntry> raised = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        boolean historyChanged = false;
        for (RequestEvent event : events) {
            RequestFacts request = facts.get(event.getRequestId());
            if (request.hasSeen(event.getEventId())) {
                continue;
            }
            raised.addAll(engine.apply(request, event));
            changed.add(request.id());
            if (history != null && request.customerKey() != null && request.customerKey().equals(history.id())) {
                RepeatComplaints.Outcome outcome = repeats.apply(history, request, event);
                raised.addAll(outcome.entries());
                historyChanged |= outcome.changed();
            }
        }
        Mono<Void> saveHistory = !historyChanged ? Mono.empty() : store.save(history)
                .flatMap(saved -> saved ? Mono.<Void>empty() : Mono.error(new ConcurrentUpdate("customer " + history.id())));
        // facts last: an event whose facts were not saved is applied again in full, every earlier step being idempotent
        return ledger.recordAll(raised)
                .then(saveHistory)
                .then(Flux.fromIterable(changed).concatMap(id -> contributions.update(facts.get(id))
                        .then(store.save(facts.get(id)))
                        .flatMap(saved -> saved ? Mono.<Void>empty()
                                : Flux.fromIterable(byRequest.get(id)).concatMap(this::apply).then())).then())
                .onErrorResume(ConcurrentUpdate.class, e -> Flux.fromIterable(events).concatMap(this::apply).then())
                .then(Flux.fromIterable(events).filter(e -> e.getType() == RequestEventType.CLOSED)
                        .concatMap(e -> openWork.close(e.getRequestId())).then());
    }

    private static String customerOf(RequestEvent event) {
        return event.getContext() == null ? null : Actors.customerKey(event.getContext().getCustomer());
    }

    public Mono<Void> apply(RequestEvent event) {
        return Mono.defer(() -> store.facts(event.getRequestId()).flatMap(facts -> {
            if (facts.hasSeen(event.getEventId())) {
                return Mono.empty();
            }
            List<LedgerEntry> raised = engine.apply(facts, event);
            return ledger.recordAll(raised)
                    .then(customerHistory(facts, event))
                    .then(contributions.update(facts))
                    .then(store.save(facts))
                    .flatMap(saved -> saved ? Mono.<Void>empty() : Mono.error(new ConcurrentUpdate("request " + facts.id())));
        })).retryWhen(ConcurrentUpdate.retry())
                .then(event.getType() == RequestEventType.CLOSED ? openWork.close(event.getRequestId()) : Mono.empty());
    }

    private Mono<Void> customerHistory(RequestFacts facts, RequestEvent event) {
        if (facts.customerKey() == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> store.history(facts.customerKey()).flatMap(history -> {
            RepeatComplaints.Outcome outcome = repeats.apply(history, facts, event);
            if (!outcome.changed()) {
                return Mono.<Void>empty();
            }
            return ledger.recordAll(outcome.entries()).then(store.save(history))
                    .flatMap(saved -> saved ? Mono.<Void>empty() : Mono.error(new ConcurrentUpdate("customer " + history.id())));
        })).retryWhen(ConcurrentUpdate.retry());
    }
}
