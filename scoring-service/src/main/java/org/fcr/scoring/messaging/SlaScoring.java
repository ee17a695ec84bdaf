package org.fcr.scoring.messaging;

import java.util.List;
import java.util.Map;

import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.RulesEngine;
import org.fcr.scoring.store.FactsStore;
import org.fcr.scoring.store.OpenWorkStore;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Scores one SLA event (late stages) and keeps the open-work read model; facts saved last, as for request events. */
@Component
public class SlaScoring {

    private final RulesEngine engine;
    private final FactsStore store;
    private final LedgerRecorder ledger;
    private final Contributions contributions;
    private final OpenWorkStore openWork;
    private final LiveUpdates live;
    private final TrialRecorder trial;

    public SlaScoring(RulesEngine engine, FactsStore store, LedgerRecorder ledger, Contributions contributions,
                      OpenWorkStore openWork, LiveUpdates live, TrialRecorder trial) {
        this.engine = engine;
        this.store = store;
        this.ledger = ledger;
        this.contributions = contributions;
        this.openWork = openWork;
        this.live = live;
        this.trial = trial;
    }

    public Mono<Void> apply(SlaEvent event) {
        Mono<Void> scored = Mono.defer(() -> store.facts(event.getRequestId()).flatMap(facts -> {
            if (facts.hasSeen(event.getEventId())) {
                return Mono.<Void>empty();
            }
            List<LedgerEntry> raised = engine.apply(facts, event);
            return ledger.recordAll(raised)
                    .then(trial.stage(facts, event))
                    .then(contributions.update(facts))
                    .then(store.save(facts))
                    .flatMap(saved -> saved ? Mono.<Void>empty() : Mono.error(new ConcurrentUpdate("request " + facts.id())));
        })).retryWhen(ConcurrentUpdate.retry());
        return scored.then(openWork.apply(event)).doOnSuccess(done -> {
            if (event.getKind() != SlaEventKind.REMINDER) {
                live.emit(event.getDrill() ? "drill-sla" : "sla", Map.of("requestId", event.getRequestId(),
                        "stage", event.getStage().name(), "kind", event.getKind().name()));
            }
        });
    }
}
