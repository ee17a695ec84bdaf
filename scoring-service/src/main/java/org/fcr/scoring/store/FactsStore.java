package org.fcr.scoring.store;

import org.fcr.scoring.domain.CustomerHistory;
import org.fcr.scoring.domain.RequestFacts;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** The small per-request facts and per-customer histories, read and written by id only. */
@Repository
public class FactsStore {

    static final String FACTS = "request_facts";
    static final String CUSTOMERS = "customer_history";

    private final ReactiveMongoTemplate mongo;
    private final OptimisticStore optimistic;

    public FactsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.optimistic = new OptimisticStore(mongo);
    }

    public Mono<RequestFacts> facts(String requestId) {
        return mongo.findById(requestId, RequestFacts.class, FACTS).defaultIfEmpty(RequestFacts.start(requestId));
    }

    /** False when another writer saved this request first. */
    public Mono<Boolean> save(RequestFacts facts) {
        long read = facts.version();
        facts.nextVersion();
        return optimistic.save(facts, facts.id(), read, FACTS);
    }

    public Mono<CustomerHistory> history(String customerKey) {
        return mongo.findById(customerKey, CustomerHistory.class, CUSTOMERS).defaultIfEmpty(CustomerHistory.of(customerKey));
    }

    public Mono<Boolean> save(CustomerHistory history) {
        long read = history.version();
        history.nextVersion();
        return optimistic.save(history, history.id(), read, CUSTOMERS);
    }
}
