package org.fcr.dispatch.store;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * Routing state by request id. Saves are optimistic on {@code version}: a concurrent writer makes
 * the save fail with {@code OptimisticLockingFailureException} and the caller decides again.
 */
@Repository
public class RoutingStore {

    private final ReactiveMongoTemplate mongo;

    public RoutingStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<RoutingDocument> find(String requestId) {
        return mongo.findById(requestId, RoutingDocument.class);
    }

    public Mono<RoutingDocument> save(RoutingDocument document) {
        return mongo.save(document);
    }

    /** Clears the outbox once sent; only the dispatch that was sent, never a newer one. */
    public Mono<Void> sent(String requestId, String decisionId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("pending.decisionId").is(decisionId)),
                new Update().unset("pending"), RoutingDocument.class).then();
    }
}
