package org.fcr.scoring.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.fcr.scoring.domain.EntryStatus;
import org.fcr.scoring.domain.LedgerEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The penalty ledger. Entries are inserted under their deterministic id (a replay inserts nothing
 * new) and carry a {@code published} flag, so an entry stored but not yet on {@code fcr.scores}
 * (a crash in between) is published when its event is seen again. Drill entries live in their own
 * collection and never reach an assessment. Each request keeps the ids of its entries.
 */
@Repository
public class LedgerStore {

    static final String LEDGER = "ledger";
    static final String DRILL_LEDGER = "drill_ledger";
    static final String BY_REQUEST = "request_entries";
    static final String PENDING_APPEALS = "pending_appeals";

    private final ReactiveMongoTemplate mongo;

    public LedgerStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static String collection(LedgerEntry entry) {
        return entry.drill() ? DRILL_LEDGER : LEDGER;
    }

    /** True when the entry still has to be published (newly stored, or stored but never published). */
    public Mono<Boolean> record(LedgerEntry entry) {
        Mono<Boolean> stored = mongo.insert(entry, collection(entry)).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> mongo
                        .findById(entry.id(), Document.class, collection(entry))
                        .map(doc -> !Boolean.TRUE.equals(doc.getBoolean("published"))));
        Mono<Void> indexed = entry.requestId() == null ? Mono.empty() : mongo.upsert(
                Query.query(Criteria.where("_id").is(entry.requestId())),
                new Update().addToSet("entryIds", entry.id()).set("drill", entry.drill()), BY_REQUEST).then();
        return indexed.then(stored);
    }

    public Mono<Void> markPublished(LedgerEntry entry) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.id())), Update.update("published", true),
                collection(entry)).then();
    }

    public Mono<LedgerEntry> find(String entryId) {
        return mongo.findById(entryId, LedgerEntry.class, LEDGER)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(entryId, LedgerEntry.class, DRILL_LEDGER)));
    }

    public Flux<LedgerEntry> findAll(Collection<String> ids, boolean drill) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), LedgerEntry.class, drill ? DRILL_LEDGER : LEDGER)
                .sort(Comparator.comparing(LedgerEntry::occurredAt).thenComparing(LedgerEntry::id));
    }

    /** The entries of one request (real and drill), oldest first. */
    public Flux<LedgerEntry> forRequest(String requestId) {
        return mongo.findById(requestId, Document.class, BY_REQUEST)
                .flatMapMany(doc -> {
                    List<String> ids = doc.getList("entryIds", String.class);
                    return findAll(ids, Boolean.TRUE.equals(doc.getBoolean("drill")));
                });
    }

    /** Replaces the entry only if its status is still the one read (the appeal workflow's version). */
    public Mono<Boolean> changeStatus(LedgerEntry updated, EntryStatus expected) {
        Query current = Query.query(Criteria.where("_id").is(updated.id()).and("status").is(expected.name()));
        return mongo.findAndReplace(current, updated, collection(updated)).map(old -> true).defaultIfEmpty(false)
                .flatMap(done -> done ? markPublishedLater(updated).thenReturn(true) : Mono.just(false));
    }

    /** A status change is a new fact to publish; the flag goes back to false until it is out. */
    private Mono<Void> markPublishedLater(LedgerEntry updated) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(updated.id())), Update.update("published", false),
                collection(updated)).then();
    }

    /** Appeals waiting for a manager: a small collection of entry ids, removed once decided. */
    public Mono<Void> appealPending(String entryId, boolean pending) {
        Query byId = Query.query(Criteria.where("_id").is(entryId));
        return pending ? mongo.upsert(byId, Update.update("pending", true), PENDING_APPEALS).then()
                : mongo.remove(byId, PENDING_APPEALS).then();
    }

    public Flux<LedgerEntry> pendingAppeals() {
        return mongo.findAll(Document.class, PENDING_APPEALS).map(doc -> doc.getString("_id")).collectList()
                .flatMapMany(ids -> Flux.concat(findAll(ids, false), findAll(ids, true)));
    }
}
