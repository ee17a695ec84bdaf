package org.fcr.dispatch.store;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routing state by request id. A document without version is inserted (a duplicate id fails with
 * {@code DuplicateKeyException}); a versioned one is replaced only at that version, else the save
 * fails with {@code OptimisticLockingFailureException}; either way the caller decides again.
 */
@Repository
public class RoutingStore {

    /** Who holds which open request: what the routing documents say, read once at start. */
    public record Holder(String id, String assignee) {
    }

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

    /**
     * Inserts the routing documents of requests a batch started, in one command, unordered; answers
     * the ids that were not inserted (a duplicate: the request is known after all) for the caller to
     * handle one by one. Documents carry version 0, as a single insert would give them.
     */
    public Mono<Set<String>> insertAll(List<RoutingDocument> documents) {
        if (documents.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<org.bson.Document> encoded = documents.stream().map(d -> {
            org.bson.Document bson = new org.bson.Document();
            mongo.getConverter().write(d.withVersion(0L), bson);
            return bson;
        }).toList();
        Set<String> all = documents.stream().map(RoutingDocument::id).collect(Collectors.toSet());
        return mongo.getCollection(mongo.getCollectionName(RoutingDocument.class))
                .flatMap(c -> Mono.from(c.insertMany(encoded, new InsertManyOptions().ordered(false))))
                .map(done -> Set.<String>of())
                .onErrorResume(MongoBulkWriteException.class, e -> Mono.just(e.getWriteErrors().stream()
                        .map(error -> documents.get(error.getIndex()).id()).collect(Collectors.toSet())))
                .onErrorResume(e -> !(e instanceof MongoBulkWriteException), e -> Mono.just(all));
    }

    /** Clears an outbox after a manager's ruling (or an outbox of unknown origin) was sent. */
    public Mono<Void> sent(String requestId, String decisionId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("outbox.decisionId").is(decisionId)),
                new Update().unset("outbox"), RoutingDocument.class).then();
    }

    /** Open requests with their assignee (a scan: start-up only). */
    public Flux<Holder> holders() {
        Query query = Query.query(Criteria.where("assignee").ne(null));
        query.fields().include("assignee");
        return mongo.find(query, Holder.class, "request_routing");
    }
}
