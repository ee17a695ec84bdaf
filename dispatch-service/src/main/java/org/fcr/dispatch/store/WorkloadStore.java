package org.fcr.dispatch.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * Open work per person: the set of request ids each one holds. Sets (not counters) make every
 * update idempotent, so a replayed ACKNOWLEDGED or COMPLETED counts once.
 */
@Repository
public class WorkloadStore {

    @Document("workloads")
    public record Workload(String id, List<String> openRequests) {
    }

    private final ReactiveMongoTemplate mongo;

    public WorkloadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Map<String, Integer>> openWork(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(employeeIds)), Workload.class)
                .collectList()
                .map(list -> list.stream().collect(Collectors.toMap(Workload::id,
                        w -> w.openRequests() == null ? 0 : w.openRequests().size())));
    }

    public Mono<Void> hold(String employeeId, String requestId) {
        if (employeeId == null) {
            return Mono.empty();
        }
        return mongo.upsert(byId(employeeId), new Update().addToSet("openRequests", requestId), Workload.class).then();
    }

    public Mono<Void> release(String employeeId, String requestId) {
        if (employeeId == null) {
            return Mono.empty();
        }
        return mongo.updateFirst(byId(employeeId), new Update().pull("openRequests", requestId), Workload.class).then();
    }

    /** Moves a request from one person's open work to another's (no-op when they are the same). */
    public Mono<Void> move(String from, String to, String requestId) {
        if (from != null && from.equals(to)) {
            return hold(to, requestId);
        }
        return release(from, requestId).then(hold(to, requestId));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
