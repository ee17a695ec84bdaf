package org.fcr.notification.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Notification ids per request, and per recipient and day, one document each, so listing them is an
 * {@code _id} lookup rather than a scan of the delivery log. A recipient's ids are split by day: the
 * desk is told of nearly every request, and one document holding all of them made each new notice
 * cost more than the one before (the embedded store rewrites the whole document). A person's list
 * shows the configured window ({@code fcr.notification.delivery.inbox-window}).
 */
public class LookupIndex {

    static final String COLLECTION = "notification_lookup";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration window;

    public LookupIndex(ReactiveMongoTemplate mongo, Clock clock, Duration window) {
        this.mongo = mongo;
        this.clock = clock;
        this.window = window;
    }

    public Mono<Void> add(NotificationDocument doc) {
        Instant at = doc.createdAt() != null ? doc.createdAt() : clock.instant();
        Mono<Void> byRecipient = addTo(recipientDay(doc.recipientId(), at), doc.id());
        return doc.requestId() == null ? byRecipient : addTo("request:" + doc.requestId(), doc.id()).then(byRecipient);
    }

    public Mono<List<String>> forRequest(String requestId) {
        return ids("request:" + requestId);
    }

    /** The recipient's notification ids of the window, oldest day first. */
    public Mono<List<String>> forRecipient(String recipientId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> keys = new ArrayList<>();
        keys.add("recipient:" + recipientId); // kept whole before it was split by day
        for (LocalDate day = LocalDate.ofInstant(clock.instant().minus(window), ZoneOffset.UTC); !day.isAfter(today);
             day = day.plusDays(1)) {
            keys.add("recipient:" + recipientId + "|" + day);
        }
        return mongo.find(query(where("_id").in(keys)), Document.class, COLLECTION)
                .flatMapIterable(doc -> doc.getList("ids", String.class, List.of()))
                .distinct()
                .collectList();
    }

    private static String recipientDay(String recipientId, Instant at) {
        return "recipient:" + recipientId + "|" + LocalDate.ofInstant(at, ZoneOffset.UTC);
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
