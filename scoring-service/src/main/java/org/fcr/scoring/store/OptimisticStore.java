package org.fcr.scoring.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Mono;

/**
 * Single-document optimistic writes (ARCHITECTURE §4: no transactions): a document is inserted at
 * version 1, then replaced only where its stored version is still the one that was read. A false
 * result means another writer came first; the caller reads again and retries.
 */
final class OptimisticStore {

    private final ReactiveMongoTemplate mongo;

    OptimisticStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    <T> Mono<Boolean> save(T document, String id, long readVersion, String collection) {
        if (readVersion == 0) {
            return mongo.insert(document, collection).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        Query current = Query.query(Criteria.where("_id").is(id).and("version").is(readVersion));
        return mongo.findAndReplace(current, document, collection).map(old -> true).defaultIfEmpty(false);
    }
}
