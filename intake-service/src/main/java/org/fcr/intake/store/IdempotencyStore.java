package org.fcr.intake.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * First answers of POSTs that carried an Idempotency-Key, keyed by caller and key, so a retried
 * call gets the same answer and never causes a second request or a second stage event.
 */
@Repository
public class IdempotencyStore {

    public static final String COLLECTION = "idempotency";

    /**
     * The stored first answer: what was asked (method and path, and the hash of the canonical body; null in
     * answers stored before bodies were hashed) and what was answered; status 0 = still running.
     */
    public record Answer(String fingerprint, String bodyHash, int status, String body, Instant at) {

        public Answer(String fingerprint, int status, String body) {
            this(fingerprint, null, status, body, null);
        }

        public boolean pending() {
            return status == 0;
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Duration retention;

    public IdempotencyStore(ReactiveMongoTemplate mongo,
                            @Value("${fcr.intake.idempotency-retention:P1D}") Duration retention) {
        this.mongo = mongo;
        this.retention = retention;
    }

    public Mono<Answer> find(String scopedKey) {
        return mongo.findById(scopedKey, Document.class, COLLECTION)
                .map(d -> new Answer(d.getString("fingerprint"), d.getString("bodyHash"), d.getInteger("status"), d.getString("body"),
                        d.getDate("at") == null ? null : d.getDate("at").toInstant()));
    }

    /**
     * The embedded store has no TTL: answers older than fcr.intake.idempotency-retention are deleted
     * hourly (a client retries within minutes, not days).
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOldAnswers() {
        Date before = Date.from(Instant.now().minus(retention));
        mongo.remove(Query.query(Criteria.where("at").lt(before)), COLLECTION).block();
    }

    /** Claims the key for a first call; false when another call holds or answered it already. */
    public Mono<Boolean> claim(String scopedKey, String fingerprint, String bodyHash) {
        Document doc = new Document("_id", scopedKey).append("fingerprint", fingerprint).append("bodyHash", bodyHash)
                .append("status", 0).append("at", new Date());
        return mongo.insert(doc, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /**
     * Takes over a claim whose call has been running longer than a call can (its instance died with it),
     * so the retry runs; of several retries at once, one takes it.
     */
    public Mono<Boolean> takeOver(String scopedKey, Instant claimedBefore) {
        Query stale = Query.query(Criteria.where("_id").is(scopedKey).and("status").is(0)
                .and("at").lt(Date.from(claimedBefore)));
        return mongo.updateFirst(stale, new Update().set("at", new Date()), COLLECTION)
                .map(result -> result.getModifiedCount() == 1);
    }

    public Mono<Void> complete(String scopedKey, Answer answer) {
        Update update = new Update().set("status", answer.status()).set("body", answer.body());
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(scopedKey)), update, COLLECTION).then();
    }

    /** Frees a claim whose call failed, so a retry runs again. */
    public Mono<Void> abandon(String scopedKey) {
        return mongo.remove(Query.query(Criteria.where("_id").is(scopedKey).and("status").is(0)), COLLECTION).then();
    }

    /** Keeps the first answer; a concurrent second one loses quietly (the first stays the answer). */
    public Mono<Void> remember(String scopedKey, Answer answer) {
        Document doc = new Document("_id", scopedKey).append("fingerprint", answer.fingerprint())
                .append("status", answer.status()).append("body", answer.body()).append("at", new Date());
        return mongo.insert(doc, COLLECTION).then().onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }
}
