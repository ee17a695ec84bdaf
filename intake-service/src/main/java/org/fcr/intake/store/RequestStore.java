package org.fcr.intake.store;

import java.time.Instant;
import java.util.Date;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fcr.events.RequestEvent;
import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.RequestEvolution;
import org.fcr.intake.domain.RequestState;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The request aggregates: one document per request, written in one atomic operation per command
 * (insert for a new request; update guarded by the version for the others), stamped with the time
 * of the write ({@code writtenAt}) for the start-up reconciliation. Reads are by _id.
 */
@Repository
public class RequestStore {

    public static final String COLLECTION = "requests";

    private final ReactiveMongoTemplate mongo;
    private final BatchedInserts inserts;

    public RequestStore(ReactiveMongoTemplate mongo, IntakeProperties properties) {
        this.mongo = mongo;
        this.inserts = new BatchedInserts(mongo, COLLECTION, properties.insertBatch(), properties.insertsInFlight());
    }

    public Mono<StoredRequest> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION).map(RequestStore::toStored);
    }

    /**
     * Inserts a new request (together with others arriving at the same time); false when a request with
     * that id already exists.
     */
    public Mono<Boolean> insert(Decision decision) {
        Document doc = RequestDocuments.newDocument(decision.state(), decision.events());
        doc.put(RequestDocuments.WRITTEN_AT, new Date());
        return inserts.insert(doc);
    }

    /** Appends the decision's events if the request is still at {@code expectedSeq}; else {@link StaleVersion}. */
    public Mono<Void> append(Decision decision, long expectedSeq) {
        String id = decision.state().id();
        Update update = new Update();
        RequestDocuments.summary(decision.state()).forEach((field, value) -> {
            if (value != null) {
                update.set(field, value);
            } else {
                update.unset(field);
            }
        });
        update.set(RequestDocuments.WRITTEN_AT, new Date());
        update.push(RequestDocuments.EVENTS).each(RequestDocuments.encode(decision.events()).toArray());
        Query query = Query.query(Criteria.where("_id").is(id).and(RequestDocuments.SEQ).is(expectedSeq));
        return mongo.updateFirst(query, update, COLLECTION)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new StaleVersion(id, expectedSeq)));
    }

    /** The stored sequence (version) of each of these requests that the store has, by _id. */
    public Mono<Map<String, Long>> sequences(Collection<String> ids) {
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().include(RequestDocuments.SEQ);
        return mongo.find(byIds, Document.class, COLLECTION)
                .collectMap(d -> d.getString("_id"), d -> ((Number) d.get(RequestDocuments.SEQ)).longValue());
    }

    /** Requests written at or after this instant (a scan: only for reconciling after a crash). */
    public Flux<StoredRequest> writtenSince(Instant since) {
        return mongo.find(Query.query(Criteria.where(RequestDocuments.WRITTEN_AT).gte(Date.from(since))),
                Document.class, COLLECTION).map(RequestStore::toStored);
    }

    /** Rebuilds a request from events read back from fcr.requests (the store lost it or part of it). */
    public Mono<Void> replace(String id, List<RequestEvent> events) {
        RequestState state = RequestEvolution.replay(events);
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include("deadlines");
        // the deadlines sla-monitor reported are kept, with everything lists derive from them
        return mongo.findOne(byId, Document.class, COLLECTION)
                .map(existing -> existing.get("deadlines", new Document()))
                .defaultIfEmpty(new Document())
                // no writtenAt: what is rebuilt from the topic is already there
                .flatMap(deadlines -> mongo.save(RequestDocuments.newDocument(state, events, deadlines), COLLECTION))
                .then();
    }

    static StoredRequest toStored(Document doc) {
        List<RequestEvent> events = RequestDocuments.events(doc);
        return new StoredRequest(RequestEvolution.replay(events), events, doc.get("deadlines", new Document()));
    }
}
