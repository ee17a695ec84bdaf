package org.fcr.scoring.messaging;

import java.util.List;

import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.RepeatComplaints;
import org.fcr.scoring.domain.RequestFacts;
import org.fcr.scoring.domain.RulesEngine;
import org.fcr.scoring.store.FactsStore;
import org.fcr.scoring.store.OpenWorkStore;
import org.springframework.stereotype.Component;

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
