package org.fcr.scoring.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;

/** The rules over in-memory facts and histories: what the service does, minus Kafka and Mongo. */
class LedgerSimulator {

    static final Person HEAD = new Person("sup01", "周主管", "engineering");

    private final RulesEngine engine = new RulesEngine(RuleBook.defaults());
    private final RepeatComplaints repeats = new RepeatComplaints(RuleBook.defaults(),
            new RepeatComplaints.Policy(Duration.ofDays(30), Set.of(), Map.of("engineering", HEAD)));
    private final Map<String, RequestFacts> facts = new HashMap<>();
    private final Map<String, CustomerHistory> customers = new HashMap<>();
    private final Map<String, LedgerEntry> ledger = new LinkedHashMap<>();

    LedgerSimulator feed(List<?> events) {
        events.forEach(this::feed);
        return this;
    }

    void feed(Object event) {
        if (event instanceof RequestEvent request) {
            RequestFacts f = facts.computeIfAbsent(request.getRequestId(), RequestFacts::start);
            if (f.hasSeen(request.getEventId())) {
                return;
            }
            record(engine.apply(f, request));
            if (f.customerKey() != null) {
                CustomerHistory history = customers.computeIfAbsent(f.customerKey(), CustomerHistory::of);
                record(repeats.apply(history, f, request).entries());
            }
        } else if (event instanceof SlaEvent sla) {
            record(engine.apply(facts.computeIfAbsent(sla.getRequestId(), RequestFacts::start), sla));
        }
    }

    private void record(List<LedgerEntry> entries) {
        entries.forEach(e -> ledger.putIfAbsent(e.id(), e));
    }

    Map<String, LedgerEntry> ledger() {
        return ledger;
    }

    RequestFacts facts(String requestId) {
        return facts.get(requestId);
    }
}
