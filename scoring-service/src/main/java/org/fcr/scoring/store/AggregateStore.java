package org.fcr.scoring.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
 * Monthly aggregates per subject, and per month an index of the documents it has, so that an
 * assessment or ranking reads documents by id and never scans (ARCHITECTURE §4). A subject's month
 * is kept in one document per hour ({@link #shardOf}: the hour the request was received or the entry
 * happened): the embedded store rewrites a whole document on every update, and a whole month of the
 * site in one document made each event cost more than the one before (scoring fell to ~10 records/s
 * at a few thousand requests). Readers merge a subject's hours.
 */
@Repository
public class AggregateStore {

    static final String AGGREGATES = "period_aggregates";
    static final String PERIODS = "periods";
    private static final String SHARD_SEPARATOR = "|";

    private final ReactiveMongoTemplate mongo;
    /** Documents this process has put in their month's index already (the index is written once per document). */
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    public AggregateStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The part of a subject's month that a request received, or an entry raised, at this instant is kept in. */
    public static String shardOf(Instant at) {
        return "h" + at.getEpochSecond() / 3600;
    }

    /** Where a request counts: the whole site, its department, its handler (each in the request's hour). */
    public static Set<String> targets(String period, String shard, String department, String handlerId) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(idOf(period, shard, null));
        if (department != null) {
            ids.add(idOf(period, shard, Subject.department(department)));
        }
        if (handlerId != null) {
            ids.add(PeriodAggregate.idOf(period, SubjectType.PERSON.name(), handlerId) + SHARD_SEPARATOR + shard);
        }
        return ids;
    }

    public Mono<Void> contribute(String period, String shard, Subject subject, String requestId,
                                 Contribution contribution) {
        Update update = describe(period, subject).set("requests." + Keys.safe(requestId), contribution);
        return upsert(period, idOf(period, shard, subject), update);
    }

    public Mono<Void> withdraw(String aggregateId, String requestId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(aggregateId)),
                new Update().unset("requests." + Keys.safe(requestId)), AGGREGATES).then();
    }

    /** The entry counts for its subject, for the subject's department (a person's entry), and for the site. */
    public Mono<Void> addEntry(String period, LedgerEntry entry) {
        String shard = shardOf(entry.occurredAt());
        EntrySummary summary = EntrySummary.of(entry);
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject(entry.subjectType(), entry.subjectId(), entry.subjectName(), entry.department()));
        if (entry.subjectType() == SubjectType.PERSON && entry.department() != null) {
            subjects.add(Subject.department(entry.department()));
        }
        String key = "entries." + Keys.safe(entry.id());
        return Flux.fromIterable(subjects).concatMap(subject -> upsert(period, idOf(period, shard, subject),
                describe(period, subject).set(key, summary)))
                .then(upsert(period, idOf(period, shard, null), describe(period, null).set(key, summary)));
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

    private static String idOf(String period, String shard, Subject subject) {
        String base = subject == null ? PeriodAggregate.idOf(period, PeriodAggregate.ALL, "all")
                : PeriodAggregate.idOf(period, subject.type().name(), subject.id());
        return base + SHARD_SEPARATOR + shard;
    }

    /**
     * Indexed before it is written, so a reader never misses a document (one indexed but never written reads
     * as none); this process indexes each document once, and again if the store lost it (the write created it).
     */
    private Mono<Void> upsert(String period, String id, Update update) {
        Mono<Void> index = mongo.upsert(Query.query(Criteria.where("_id").is(period)),
                new Update().addToSet("aggregateIds", id), PERIODS).doOnSuccess(done -> indexed.add(id)).then();
        boolean known = indexed.contains(id);
        return (known ? Mono.<Void>empty() : index)
                .then(mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, AGGREGATES))
                .flatMap(written -> known && written.getUpsertedId() != null ? index : Mono.<Void>empty());
    }

    /** One subject's month, its hours merged. */
    public Mono<PeriodAggregate> find(String period, String type, String subjectId) {
        String base = PeriodAggregate.idOf(period, type, subjectId);
        return idsOf(period, id -> id.equals(base) || id.startsWith(base + SHARD_SEPARATOR))
                .flatMapMany(this::read)
                .collectList()
                .map(parts -> parts.isEmpty() ? PeriodAggregate.empty(period, type, subjectId) : PeriodAggregate.merge(parts));
    }

    /**
     * Every aggregate of one subject type in the given months (through the per-month index, by id), a
     * subject's hours one after another. The type is picked from the ids, so the large site and person
     * documents are not read for a department view.
     */
    public Flux<PeriodAggregate> forMonths(Collection<String> months, SubjectType type) {
        return Flux.fromIterable(months)
                .concatMap(month -> idsOf(month, id -> id.startsWith(PeriodAggregate.idOf(month, type.name(), ""))))
                .flatMapIterable(ids -> ids)
                .collectList()
                .flatMapMany(this::read);
    }

    private Mono<List<String>> idsOf(String month, Predicate<String> wanted) {
        return mongo.findById(month, Document.class, PERIODS)
                .map(doc -> doc.getList("aggregateIds", String.class).stream().filter(wanted).toList())
                .defaultIfEmpty(List.of());
    }

    /** In id order: a month kept whole before it was split into hours comes before its hours, which then win. */
    private Flux<PeriodAggregate> read(List<String> ids) {
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)), PeriodAggregate.class, AGGREGATES)
                        .sort(Comparator.comparing(PeriodAggregate::id));
    }
}
