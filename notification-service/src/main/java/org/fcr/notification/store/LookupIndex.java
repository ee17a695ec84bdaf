package org.fcr.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Notification ids per request and per recipient, one document each, so listing them is an
 * {@code _id} lookup rather than a scan of the delivery log.
 */
public class LookupIndex {

    static final String COLLECTION = "notification_lookup";

    private final ReactiveMongoTemplate mongo;

    public LookupIndex(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> add(NotificationDocument doc) {
        Mono<Void> byRecipient = addTo("recipient:" + doc.recipientId(), doc.id());
        return doc.requestId() == null ? byRecipient : addTo("request:" + doc.requestId(), doc.id()).then(byRecipient);
    }

    public Mono<List<String>> forRequest(String requestId) {
        return ids("request:" + requestId);
    }

    public Mono<List<String>> forRecipient(String recipientId) {
        return ids("recipient:" + recipientId);
    }

    private Mono<Void> addTo(String key, String id) {
        return mongo.upsert(query(where("_id").is(key)), new Update().addToSet("ids", id), COLLECTION).then();
    }

    private Mono<List<String>> ids(String key) {
        return mongo.findById(key, Document.class, COLLECTION)
                .map(doc -> doc.getList("ids", String.class, List.of()))
                .defaultIfEmpty(List.of());
    }
}
