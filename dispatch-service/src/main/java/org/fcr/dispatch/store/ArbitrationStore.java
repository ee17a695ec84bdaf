package org.fcr.dispatch.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Arbitration cases: opened when a ping-pong is detected, closed by the manager's ruling. */
@Repository
public class ArbitrationStore {

    private final ReactiveMongoTemplate mongo;

    public ArbitrationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: a replay of the return that caused it leaves the case as it is. */
    public Mono<Void> open(ArbitrationDocument arbitration) {
        return mongo.findById(arbitration.id(), ArbitrationDocument.class)
                .filter(existing -> !existing.decided())
                .switchIfEmpty(mongo.save(arbitration))
                .then();
    }

    public Flux<ArbitrationDocument> list(boolean pendingOnly) {
        Query query = pendingOnly ? Query.query(Criteria.where("decided").is(false)) : new Query();
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(200), ArbitrationDocument.class);
    }

    public Mono<Void> decided(String requestId, String department, List<String> wrong, String manager, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)), new Update()
                .set("decided", true).set("decidedDepartment", department).set("wrongDepartments", wrong)
                .set("decidedBy", manager).set("decidedAt", at), ArbitrationDocument.class).then();
    }
}
