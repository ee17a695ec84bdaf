package org.fcr.intake.store;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.fcr.intake.domain.DepartmentMode;
import org.fcr.intake.domain.TrialChange;
import org.fcr.intake.domain.TrialPeriod;
import org.fcr.intake.domain.TrialSettings;
import org.fcr.support.problem.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * Trial-run settings as one small document ({@code trial/_id=settings}, read by _id, at most once a second for accepts) and
 * their audit as append-only documents keyed by the settings version ({@code trialAudit/_id=v0000000007}).
 * A change is one atomic write guarded by the version that also carries its audit entry
 * ({@code lastChange}); the entry is then appended, and appended again (idempotently) on every audit read,
 * so a crash between the two writes never loses it.
 */
@Repository
public class TrialStore {

    public static final String SETTINGS = "trial";
    public static final String AUDIT = "trialAudit";
    private static final String ID = "settings";
    private static final int TRIES = 5;

    /** How long an accept may decide on settings read before (another instance's change shows after this). */
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final ReactiveMongoTemplate mongo;
    private volatile Read lastRead;

    public TrialStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<TrialSettings> current() {
        long now = System.nanoTime();
        return document().map(TrialDocuments::settings).defaultIfEmpty(TrialSettings.ALL_LIVE)
                .doOnNext(settings -> lastRead = new Read(settings, now));
    }

    /**
     * The settings for deciding an accept: read at most a second ago (this instance's own changes at
     * once), so accepts do not each read the store.
     */
    public Mono<TrialSettings> forAccept() {
        Read read = lastRead;
        return read != null && System.nanoTime() - read.at() < FRESH_NANOS ? Mono.just(read.settings()) : current();
    }

    private record Read(TrialSettings settings, long at) {
    }

    /**
     * Applies a change decided on the current settings; a lost race with another manager decides again on
     * the newer settings. Answers the entry recorded, or empty when the change changed nothing.
     */
    public Mono<Optional<TrialChange.Entry>> change(Function<TrialSettings, Optional<TrialChange>> decide) {
        return attempt(decide, TRIES);
    }

    private Mono<Optional<TrialChange.Entry>> attempt(Function<TrialSettings, Optional<TrialChange>> decide, int left) {
        return current().flatMap(before -> {
            Optional<TrialChange> change = decide.apply(before);
            if (change.isEmpty()) {
                return Mono.just(Optional.<TrialChange.Entry>empty());
            }
            return write(before.version(), change.get()).doOnNext(written -> lastRead = null).flatMap(written -> {
                if (written) {
                    return append(change.get().entry()).thenReturn(Optional.of(change.get().entry()));
                }
                if (left <= 1) {
                    return Mono.error(ApiProblem.conflict("stale-version", "the trial settings kept changing; retry"));
                }
                return attempt(decide, left - 1);
            });
        });
    }

    /** The audit, oldest first. */
    public Mono<List<TrialChange.Entry>> audit() {
        Mono<Void> healed = document().flatMap(d -> Optional.ofNullable(d.get("lastChange", Document.class))
                .map(TrialDocuments::entry).map(this::append).orElse(Mono.empty()));
        return healed.then(mongo.find(new Query().with(Sort.by("_id")), Document.class, AUDIT)
                .map(TrialDocuments::entry).collectList());
    }

    private Mono<Document> document() {
        return mongo.findById(ID, Document.class, SETTINGS);
    }

    private Mono<Boolean> write(long expectedVersion, TrialChange change) {
        Document doc = TrialDocuments.document(change.after()).append("_id", ID)
                .append("lastChange", TrialDocuments.document(change.entry()));
        if (expectedVersion == 0) {
            return mongo.insert(doc, SETTINGS).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        Query guarded = Query.query(Criteria.where("_id").is(ID).and("version").is(expectedVersion));
        return mongo.findAndReplace(guarded, doc, SETTINGS).map(previous -> true).defaultIfEmpty(false);
    }

    private Mono<Void> append(TrialChange.Entry entry) {
        Document doc = TrialDocuments.document(entry).append("_id", String.format("v%010d", entry.version()));
        return mongo.insert(doc, AUDIT).then().onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /** Mapping between the trial values and their documents. */
    static final class TrialDocuments {

        private TrialDocuments() {
        }

        static Document document(TrialSettings s) {
            Map<String, Object> departments = new LinkedHashMap<>();
            s.departments().forEach((code, mode) -> departments.put(code, mode.name()));
            List<Document> periods = s.periods().stream().map(p -> new Document("id", p.id())
                    .append("from", Date.from(p.from())).append("to", Date.from(p.to())).append("reason", p.reason()))
                    .toList();
            return new Document("version", s.version()).append("departments", new Document(departments))
                    .append("periods", periods);
        }

        static TrialSettings settings(Document d) {
            Map<String, DepartmentMode> departments = new LinkedHashMap<>();
            Document stored = d.get("departments", Document.class);
            if (stored != null) {
                stored.forEach((code, mode) -> departments.put(code, DepartmentMode.valueOf((String) mode)));
            }
            List<TrialPeriod> periods = d.getList("periods", Document.class, List.of()).stream()
                    .map(p -> new TrialPeriod(p.getString("id"), p.getDate("from").toInstant(),
                            p.getDate("to").toInstant(), p.getString("reason")))
                    .toList();
            return new TrialSettings(((Number) d.get("version")).longValue(), departments, periods);
        }

        static Document document(TrialChange.Entry e) {
            return new Document("version", e.version()).append("at", Date.from(e.at())).append("actorId", e.actorId())
                    .append("actorName", e.actorName()).append("action", e.action().name())
                    .append("subject", e.subject()).append("from", e.from()).append("to", e.to())
                    .append("reason", e.reason());
        }

        static TrialChange.Entry entry(Document d) {
            return new TrialChange.Entry(((Number) d.get("version")).longValue(), d.getDate("at").toInstant(),
                    d.getString("actorId"), d.getString("actorName"), TrialChange.Action.valueOf(d.getString("action")),
                    d.getString("subject"), d.getString("from"), d.getString("to"), d.getString("reason"));
        }
    }
}
