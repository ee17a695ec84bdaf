package org.fcr.scoring.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.fcr.scoring.domain.Contribution;
import org.fcr.scoring.domain.EntrySummary;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.Subject;
import org.fcr.scoring.domain.SubjectType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Monthly aggregates per subject, and per month an index of the subjects it has, so that an
 * assessment or ranking reads a handful of documents by id and never scans (ARCHITECTURE §4).
 */
@Repository
public class AggregateStore {

    static final String AGGREGATES = "period_aggregates";
    static final String PERIODS = "periods";

    private final ReactiveMongoTemplate mongo;

    public AggregateStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Where a request counts: the whole site, its department, its handler. */
    public static Set<String> targets(String period, String department, String handlerId) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(PeriodAggregate.idOf(period, PeriodAggregate.ALL, "all"));
        if (department != null) {
            ids.add(PeriodAggregate.idOf(period, SubjectType.DEPARTMENT.name(), department));
        }
        if (handlerId != null) {
            ids.add(PeriodAggregate.idOf(period, SubjectType.PERSON.name(), handlerId));
        }
        return ids;
    }

    public Mono<Void> contribute(String period, Subject subject, String requestId, Contribution contribution) {
        Update update = describe(period, subject).set("requests." + Keys.safe(requestId), contribution);
        return upsert(period, subject, update);
    }

    public Mono<Void> withdraw(String aggregateId, String requestId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)),
                new Update().unset("requests." + Keys.safe(requestId)), AGGREGATES).then();
    }

    /** The entry counts for its subject, for the subject's department (a person's entry), and for the site. */
    public Mono<Void> addEntry(String period, LedgerEntry entry) {
        EntrySummary summary = EntrySummary.of(entry);
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject(entry.subjectType(), entry.subjectId(), entry.subjectName(), entry.department()));
        if (entry.subjectType() == SubjectType.PERSON && entry.department() != null) {
            subjects.add(Subject.department(entry.department()));
        }
        String key = "entries." + Keys.safe(entry.id());
        return Flux.fromIterable(subjects).concatMap(subject -> upsert(period, subject,
                describe(period, subject).set(key, summary)))
                .then(upsert(period, null, describe(period, null).set(key, summary)));
    }

    private Update describe(String period, Subject subject) {
        Update update = new Update().set("period", period);
        if (subject == null) {
            return update.set("subjectType", PeriodAggregate.ALL).set("subjectId", "all").set("subjectName", "全部");
        }
        update.set("subjectType", subject.type().name()).set("subjectId", subject.id());
        if (subject.type() == SubjectType.PERSON || subject.name() != null) {
            update.set("subjectName", subject.name());
        }
        return subject.department() == null ? update : update.set("department", subject.department());
    }

    private Mono<Void> upsert(String period, Subject subject, Update update) {
        String id = subject == null ? PeriodAggregate.idOf(period, PeriodAggregate.ALL, "all")
                : PeriodAggregate.idOf(period, subject.type().name(), subject.id());
        return mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, AGGREGATES)
                .then(mongo.upsert(Query.query(Criteria.where("_id").is(period)),
                        new Update().addToSet("aggregateIds", id), PERIODS))
                .then();
    }

    public Mono<PeriodAggregate> find(String period, String type, String subjectId) {
        return mongo.findById(PeriodAggregate.idOf(period, type, subjectId), PeriodAggregate.class, AGGREGATES)
                .defaultIfEmpty(PeriodAggregate.empty(period, type, subjectId));
    }

    /**
     * Every aggregate of one subject type in the given months (through the per-month index, by id).
     * The type is picked from the ids, so the large site and person documents are not read for a
     * department view.
     */
    public Flux<PeriodAggregate> forMonths(Collection<String> months, SubjectType type) {
        return mongo.find(Query.query(Criteria.where("_id").in(months)), Document.class, PERIODS)
                .flatMapIterable(doc -> {
                    String prefix = PeriodAggregate.idOf(doc.getString("_id"), type.name(), "");
                    return doc.getList("aggregateIds", String.class).stream().filter(id -> id.startsWith(prefix)).toList();
                })
                .collectList()
                .flatMapMany(ids -> ids.isEmpty() ? Flux.empty()
                        : mongo.find(Query.query(Criteria.where("_id").in(ids)), PeriodAggregate.class, AGGREGATES));
    }
}
