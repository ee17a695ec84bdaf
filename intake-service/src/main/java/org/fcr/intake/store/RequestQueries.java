package org.fcr.intake.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists of requests over the summary fields, without the timelines. The embedded store has no
 * secondary indexes, so these scan: they serve people's lists and exports, never a hot path.
 */
@Repository
public class RequestQueries {

    public static final Set<String> SORTABLE = Set.of("receivedAt", "acceptedAt", "updatedAt", "nextDeadline",
            "promisedBy", "completedAt", "status", "stage", "category", "department");

    private final ReactiveMongoTemplate mongo;

    public RequestQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<Document> find(RequestFilter filter, int page, int size, String sortField, Sort.Direction direction) {
        String field = "stage".equals(sortField) ? "step" : sortField;
        Query query = query(filter).with(Sort.by(direction, field).and(Sort.by(Sort.Direction.ASC, "_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude(RequestDocuments.EVENTS);
        return mongo.find(query, Document.class, RequestStore.COLLECTION);
    }

    public Mono<Long> count(RequestFilter filter) {
        return mongo.count(query(filter), RequestStore.COLLECTION);
    }

    static Query query(RequestFilter f) {
        List<Criteria> all = new ArrayList<>();
        eq(all, "status", f.status());
        eq(all, "step", f.stage());
        eq(all, "category", f.category());
        eq(all, "channel", f.channel());
        eq(all, "register", f.register());
        eq(all, "firstResponderId", f.firstResponder());
        eq(all, "department", f.department());
        eq(all, "handlerId", f.handler());
        if (f.returnedBy() != null) {
            all.add(Criteria.where("returnedBy").is(f.returnedBy()));
        }
        if (f.from() != null || f.to() != null) {
            Criteria received = Criteria.where("receivedAt");
            if (f.from() != null) {
                received = received.gte(Date.from(f.from()));
            }
            if (f.to() != null) {
                received = received.lt(Date.from(f.to()));
            }
            all.add(received);
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            all.add(Criteria.where("overdueStages.0").exists(true));
        } else if (Boolean.FALSE.equals(f.overdue())) {
            all.add(Criteria.where("overdueStages.0").exists(false));
        }
        return all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
    }

    private static void eq(List<Criteria> all, String field, String value) {
        if (value != null && !value.isBlank()) {
            all.add(Criteria.where(field).is(value));
        }
    }
}
