package org.fcr.scoring.domain;

import java.util.List;

import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;

/**
 * Applies the rules table to one event at a time, updating the request's facts and returning the
 * ledger entries the event raises. Pure: the same facts and event always give the same entries,
 * which is what makes a replay rebuild exactly the same ledger.
 */
public class RulesEngine {

    private final RequestRules requestRules;
    private final SlaRules slaRules;

    public RulesEngine(RuleBook book) {
        EntryFactory entries = new EntryFactory(book);
        this.requestRules = new RequestRules(entries);
        this.slaRules = new SlaRules(entries);
    }

    public List<LedgerEntry> apply(RequestFacts facts, RequestEvent event) {
        if (facts.hasSeen(event.getEventId())) {
            return List.of();
        }
        List<LedgerEntry> raised = requestRules.apply(facts, event);
        facts.seenEventIds.add(event.getEventId());
        return raised;
    }

    public List<LedgerEntry> apply(RequestFacts facts, SlaEvent event) {
        if (facts.hasSeen(event.getEventId())) {
            return List.of();
        }
        List<LedgerEntry> raised = slaRules.apply(facts, event);
        facts.seenEventIds.add(event.getEventId());
        return raised;
    }
}
