package org.fcr.notification.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.fcr.notification.domain.DeliveryStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery log. Every write is one document by {@code _id}; a claim (lease) keeps two
 * instances, or two ticks, from sending the same notification at once.
 */
public class NotificationStore {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);
    private static final List<DeliveryStatus> OPEN = List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);

    private final ReactiveMongoTemplate mongo;

    public NotificationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when stored now, false when it was already there (a replayed event). */
    public Mono<Boolean> insertIfAbsent(NotificationDocument doc) {
        return mongo.insert(doc).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    public Mono<NotificationDocument> find(String id) {
        return mongo.findById(id, NotificationDocument.class);
    }

    public Flux<NotificationDocument> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(query(where("_id").in(ids)), NotificationDocument.class);
    }

    /** Takes a due, open notification for one send; empty when it is not due, not open or leased. */
    public Mono<NotificationDocument> claim(String id, Instant now, Duration lease) {
        Criteria free = new Criteria().orOperator(where("leaseUntil").is(null), where("leaseUntil").lte(now));
        return mongo.findAndModify(
                query(where("_id").is(id).and("status").in(OPEN).and("dueAt").lte(now).andOperator(free)),
                new Update().set("leaseUntil", now.plus(lease)).set("updatedAt", now),
                RETURN_NEW, NotificationDocument.class);
    }

    public Mono<NotificationDocument> markSent(String id, Instant now) {
        return mongo.findAndModify(query(where("_id").is(id)),
                new Update().set("status", DeliveryStatus.SENT).inc("attempts", 1).set("sentAt", now)
                        .set("updatedAt", now).unset("leaseUntil").unset("lastError"),
                RETURN_NEW, NotificationDocument.class);
    }

    public Mono<NotificationDocument> markFailed(String id, String error, Instant retryAt, Instant now) {
        return mongo.findAndModify(query(where("_id").is(id)),
                new Update().set("status", DeliveryStatus.FAILED).inc("attempts", 1).set("lastError", error)
                        .set("dueAt", retryAt).set("updatedAt", now).unset("leaseUntil"),
                RETURN_NEW, NotificationDocument.class);
    }

    public Mono<NotificationDocument> markGivenUp(String id, String error, Instant now) {
        return mongo.findAndModify(query(where("_id").is(id)),
                new Update().set("status", DeliveryStatus.GIVEN_UP).inc("attempts", 1).set("lastError", error)
                        .set("updatedAt", now).unset("leaseUntil"),
                RETURN_NEW, NotificationDocument.class);
    }

    /** A new round of attempts, from now; refused (empty) while a send is in flight. */
    public Mono<NotificationDocument> resend(String id, Instant now) {
        Criteria free = new Criteria().orOperator(where("leaseUntil").is(null), where("leaseUntil").lte(now));
        return mongo.findAndModify(query(where("_id").is(id).andOperator(free)),
                new Update().set("status", DeliveryStatus.PENDING).set("attempts", 0).inc("resends", 1)
                        .set("dueAt", now).set("updatedAt", now).unset("reason"),
                RETURN_NEW, NotificationDocument.class);
    }
}
