package org.fcr.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * The small document the retry loop reads instead of scanning the delivery log
 * (mongo-java-server has no secondary indexes): notification id → when it is next due. Written
 * before the notification itself, so a crash in between leaves a pointer the loop clears, never a
 * pending notification nobody will send.
 */
public class PendingIndex {

    static final String COLLECTION = "delivery_queue";
    private static final String ID = "pending";

    private final ReactiveMongoTemplate mongo;

    public PendingIndex(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> put(String notificationId, Instant due) {
        return mongo.upsert(query(where("_id").is(ID)), new Update().set("due." + notificationId, due.toEpochMilli()),
                COLLECTION).then();
    }

    public Mono<Void> remove(String notificationId) {
        return mongo.updateFirst(query(where("_id").is(ID)), new Update().unset("due." + notificationId), COLLECTION)
                .then();
    }

    /**
     * Removes the pointer only while it still says {@code due}: a pointer written again meanwhile (a
     * resend, a replayed event) is a new one and stays. One conditional write, no read.
     */
    public Mono<Void> removeIfDue(String notificationId, Instant due) {
        return mongo.updateFirst(query(where("_id").is(ID).and("due." + notificationId).is(due.toEpochMilli())),
                new Update().unset("due." + notificationId), COLLECTION).then();
    }

    /** Every entry: notification id → due time. */
    public Mono<Map<String, Instant>> entries() {
        return mongo.findById(ID, Document.class, COLLECTION)
                .map(doc -> {
                    Map<String, Instant> out = new LinkedHashMap<>();
                    Object due = doc.get("due");
                    if (due instanceof Document map) {
                        map.forEach((id, millis) -> out.put(id, Instant.ofEpochMilli(((Number) millis).longValue())));
                    }
                    return out;
                })
                .defaultIfEmpty(Map.of());
    }
}
