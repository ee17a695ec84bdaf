package org.fcr.scoring.store;

import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.fcr.scoring.domain.EntrySummary;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.StageOutcome;
import org.fcr.scoring.domain.TrialSheet;
import org.fcr.scoring.domain.TrialSubject;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The drill's figures, apart from the real aggregates: small per-month sheets keyed
 * {@code period|TYPE|subject}, written with idempotent {@code $set}s under event and entry ids,
 * and a per-month index of sheet ids, so the trial report reads by id and never scans.
 */
@Repository
public class TrialStore {

    static final String SHEETS = "trial_sheets";
    static final String PERIODS = "trial_periods";

    private final ReactiveMongoTemplate mongo;

    public TrialStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> recordStage(String period, StageOutcome outcome) {
        String key = "stages." + Keys.safe(outcome.eventId());
        return Flux.fromIterable(TrialSubject.of(outcome))
                .concatMap(subject -> upsert(period, subject, new Update().set(key, outcome.mark()))).then();
    }

    /** Also after an appeal step: the entry's new status replaces the old one. */
    public Mono<Void> recordEntry(String period, LedgerEntry entry) {
        String key = "entries." + Keys.safe(entry.id());
        EntrySummary summary = EntrySummary.of(entry);
        return Flux.fromIterable(TrialSubject.of(entry))
                .concatMap(subject -> upsert(period, subject, new Update().set(key, summary))).then();
    }

    private Mono<Void> upsert(String period, TrialSubject subject, Update update) {
        String id = TrialSheetDocument.idOf(period, subject);
        update.set("period", period).set("subjectType", subject.type()).set("subjectId", subject.id())
                .set("subjectName", subject.name()).set("department", subject.department());
        return mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, SHEETS)
                .then(mongo.upsert(Query.query(Criteria.where("_id").is(period)), new Update().addToSet("sheetIds", id),
                        PERIODS))
                .then();
    }

    /** Every sheet of the given months, through the per-month index. */
    public Flux<TrialSheet> forMonths(Collection<String> months) {
        return mongo.find(Query.query(Criteria.where("_id").in(months)), Document.class, PERIODS)
                .flatMapIterable(doc -> doc.getList("sheetIds", String.class))
                .collectList()
                .flatMapMany(this::sheets);
    }

    /** The sheets of one subject (by type and id) over the given months. */
    public Flux<TrialSheet> forSubject(Collection<String> months, String type, String subjectId) {
        return sheets(months.stream().map(m -> TrialSheetDocument.idOf(m, new TrialSubject(type, subjectId, null, null)))
                .toList());
    }

    private Flux<TrialSheet> sheets(List<String> ids) {
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)), TrialSheetDocument.class, SHEETS)
                        .map(TrialSheetDocument::sheet);
    }
}
