package org.fcr.intake.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The outbox index: a small collection naming, per request, the sequences that may not have
 * reached Kafka yet. They are added before the aggregate is written and pulled (in batches) once
 * the broker acknowledged, so the sweeper reads only this collection, never the large one.
 * Adding and pulling single sequences keeps concurrent commands on one request from hiding each
 * other's pending events; emptied markers are purged by the sweeper.
 */
@Repository
public class OutboxMarkers {

    public static final String COLLECTION = "outbox";

    public record Marker(String requestId, List<Long> sequences) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Sinks.Many<Marker> released = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable releasing;

    public OutboxMarkers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.releasing = released.asFlux()
                .bufferTimeout(500, Duration.ofMillis(20))
                .concatMap(batch -> pull(batch).onErrorResume(e -> Mono.empty()))
                .subscribe();
    }

    /** Marks a brand-new request (an insert: cheaper than an upsert on the embedded store). */
    public Mono<Void> claimNew(Marker m) {
        Document doc = new Document("_id", m.requestId()).append("pending", m.sequences()).append("at", new Date());
        return mongo.insert(doc, COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, e -> claim(m));
    }

    public Mono<Void> claim(Marker m) {
        Update update = new Update().addToSet("pending").each(m.sequences().toArray()).set("at", new Date());
        return mongo.upsert(Query.query(Criteria.where("_id").is(m.requestId())), update, COLLECTION).then();
    }

    /** Queues the removal of these sequences; removals are written in batches. */
    public void release(Marker m) {
        released.emitNext(m, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    public Mono<Void> releaseNow(Marker m) {
        return pull(List.of(m));
    }

    /** Markers with pending sequences, not touched for the given age: their relay may have failed. */
    public Flux<Marker> olderThan(Duration age, int limit) {
        Query query = Query.query(Criteria.where("at").lt(Date.from(Instant.now().minus(age)))
                .and("pending.0").exists(true)).limit(limit);
        return mongo.find(query, Document.class, COLLECTION)
                .map(d -> new Marker(d.getString("_id"),
                        d.getList("pending", Number.class).stream().map(Number::longValue).sorted().toList()));
    }

    /** Drops emptied markers that nobody touched for the given age. */
    public Mono<Long> purgeEmpty(Duration age) {
        Query query = Query.query(Criteria.where("at").lt(Date.from(Instant.now().minus(age)))
                .and("pending.0").exists(false));
        return mongo.remove(query, COLLECTION).map(r -> r.getDeletedCount());
    }

    public Mono<Long> countPending() {
        return mongo.count(Query.query(Criteria.where("pending.0").exists(true)), COLLECTION);
    }

    private Mono<Void> pull(List<Marker> batch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        List<UpdateOneModel<Document>> pulls = batch.stream().map(m -> new UpdateOneModel<Document>(
                Filters.eq("_id", m.requestId()), Updates.pullAll("pending", m.sequences()))).toList();
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.bulkWrite(pulls, new BulkWriteOptions().ordered(false))))
                .then();
    }

    @PreDestroy
    void stop() {
        released.tryEmitComplete();
        releasing.dispose();
    }
}
