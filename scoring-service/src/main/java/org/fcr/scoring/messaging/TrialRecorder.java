package org.fcr.scoring.messaging;

import org.fcr.events.SlaEvent;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.domain.RequestFacts;
import org.fcr.scoring.domain.StageOutcome;
import org.fcr.scoring.store.TrialStore;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Keeps the trial-run figures: drill stages met or breached and drill ledger entries, in the month
 * the event happened. Real requests never reach here; drill ones never reach the real aggregates.
 */
@Component
public class TrialRecorder {

    private final TrialStore store;
    private final Periods periods;

    public TrialRecorder(TrialStore store, Periods periods) {
        this.store = store;
        this.periods = periods;
    }

    /** After the engine applied the event, so the facts know whether the request is a drill. */
    public Mono<Void> stage(RequestFacts facts, SlaEvent event) {
        if (!facts.drill()) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(StageOutcome.of(facts, event))
                .flatMap(outcome -> store.recordStage(periods.monthOf(event.getOccurredAt()), outcome));
    }

    public Mono<Void> entry(LedgerEntry entry) {
        return entry.drill() ? store.recordEntry(periods.monthOf(entry.occurredAt()), entry) : Mono.empty();
    }
}
