package org.fcr.intake.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * Per running intake instance, the time before which every write it made has reached the broker
 * ({@code safeBefore}), refreshed by the relay sweeper. One small document per instance, so the
 * outbox costs one upsert every few seconds instead of writes per request; the earliest checkpoint
 * tells a starting instance where unrelayed events can be.
 */
@Repository
public class RelayCheckpoints {

    public static final String COLLECTION = "relayCheckpoints";

    private final ReactiveMongoTemplate mongo;

    public RelayCheckpoints(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> save(String instanceId, Instant safeBefore) {
        Update update = new Update().set("safeBefore", Date.from(safeBefore)).set("at", new Date());
        return mongo.upsert(Query.query(Criteria.where("_id").is(instanceId)), update, COLLECTION).then();
    }

    /** The earliest checkpoint of any instance, running or gone; empty on a store that never had one. */
    public Mono<Optional<Instant>> earliest() {
        return mongo.findAll(Document.class, COLLECTION)
                .map(d -> d.getDate("safeBefore").toInstant())
                .reduce((a, b) -> a.isBefore(b) ? a : b)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** Forgets instances that stopped refreshing (they are gone, and their window was just reconciled). */
    public Mono<Long> forgetSilentSince(Duration silence, String exceptInstanceId) {
        Query query = Query.query(Criteria.where("at").lt(Date.from(Instant.now().minus(silence)))
                .and("_id").ne(exceptInstanceId));
        return mongo.remove(query, COLLECTION).map(r -> r.getDeletedCount());
    }
}
