package org.fcr.intake.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.domain.RequestEvolution;
import org.fcr.intake.domain.RequestState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The open work, kept apart from the archive (ARCHITECTURE §4): every open request's state and
 * deadlines in memory, so the desk's and the departments' lists never scan the store. Loaded once
 * at start, then kept current by fcr.requests and fcr.sla (read by every instance) and by this
 * instance's own writes. An event that does not follow on (a gap) reloads that one request by _id.
 * The lists the pages ask for all day read {@link OpenIndexes}, not every line ({@link OpenPages}).
 * <p>
 * Memory bounds it: past {@code fcr.intake.open-work-limit} open requests it lets go of every line and
 * the lists read the store (slow, but whole and correct) until a later load finds fewer. Without the
 * bound, intake would end in an OutOfMemoryError, and at its restart the load would reach it again.
 */
@Component
public class OpenWork {

    private static final Logger log = LoggerFactory.getLogger(OpenWork.class);
    /**
     * What an open line takes on the heap, index entries included: ~1.35 KB measured at 517k lines of the
     * accept benchmark's short texts (heap in use / lines), more with real descriptions and names.
     */
    static final long BYTES_PER_LINE = 1_600;

    /** Every open request's line (state, deadlines and list fields), made once per change: lists only read it. */
    private final Map<String, OpenLine> open = new ConcurrentHashMap<>();
    /** Changed only inside {@code open.compute} of the line it indexes, so index and line move together. */
    private volatile OpenIndexes indexes = new OpenIndexes();
    /** Ids of requests whose open-list line changed, for pages that listen instead of polling. */
    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();
    private final ReactiveMongoTemplate mongo;
    private final RequestStore store;
    private final int limit;
    private volatile boolean loaded;
    /** Set when the open requests outgrew the limit: no line is held and the lists read the store. */
    private volatile boolean overflowed;

    @Autowired
    public OpenWork(ReactiveMongoTemplate mongo, RequestStore store, IntakeProperties properties) {
        this(mongo, store, limit(properties.openWorkLimit(), Runtime.getRuntime().maxMemory()));
    }

    OpenWork(ReactiveMongoTemplate mongo, RequestStore store, int limit) {
        this.mongo = mongo;
        this.store = store;
        this.limit = limit;
    }

    /** The configured limit, or (0) as many lines as fill half the heap. */
    static int limit(int configured, long maxHeapBytes) {
        return configured > 0 ? configured : (int) Math.min(Integer.MAX_VALUE, maxHeapBytes / 2 / BYTES_PER_LINE);
    }

    public int limit() {
        return limit;
    }

    public Flux<String> changes() {
        return changes.asFlux();
    }

    private void changed(String requestId) {
        changes.tryEmitNext(requestId);
    }

    /** True while every open request is held here, so the lists can be read from memory. */
    public boolean loaded() {
        return loaded && !overflowed;
    }

    /** True while the open requests are more than the limit and the lists read the store. */
    public boolean overflowed() {
        return overflowed;
    }

    public int size() {
        return open.size();
    }

    /**
     * Reads the open requests (a scan: at start, and while overflowed to see whether they are fewer now);
     * stops as soon as they are more than the limit.
     */
    public Mono<Integer> load() {
        return mongo.find(Query.query(Criteria.where("status").is("OPEN")), Document.class, RequestStore.COLLECTION)
                .map(RequestStore::toStored)
                .doOnNext(this::put)
                .takeUntil(stored -> overflowed)
                .count()
                .map(Long::intValue)
                .doOnSuccess(n -> loaded = true);
    }

    /**
     * After an overflow: starts over empty and loads again. Events read meanwhile are applied (or reload
     * their request) from the moment the overflow is lifted, before the scan begins, so a write is either
     * in the store when the scan reads it or arrives as an event after.
     */
    public Mono<Integer> reloadAfterOverflow() {
        return Mono.defer(() -> {
            if (!overflowed) {
                return Mono.empty();
            }
            loaded = false;
            letGoOfEveryLine();
            overflowed = false;
            return load();
        });
    }

    /** After each change: past the limit, lets go of every line (a change racing this one may leave a line, unread). */
    private void overflowIfOverLimit() {
        if (open.size() > limit && !overflowed) {
            overflowed = true;
            letGoOfEveryLine();
            log.warn("More than {} open requests (fcr.intake.open-work-limit): the lists now read the store, and the "
                    + "open work is loaded again once they are fewer", limit);
        }
    }

    private void letGoOfEveryLine() {
        open.clear();
        indexes = new OpenIndexes();
    }

    /** A request's new state, from this instance's write or a reload; older states never replace newer ones. */
    public void put(StoredRequest stored) {
        put(stored.state(), stored.deadlines());
    }

    public void put(RequestState state, Document deadlines) {
        if (overflowed) {
            changed(state.id()); // the pages read the store now, but still refresh on a change
            return;
        }
        boolean[] newer = {true};
        open.compute(state.id(), (id, current) -> {
            if (current != null && current.state().sequence() >= state.sequence()) {
                newer[0] = false;
                return current;
            }
            OpenLine next = state.open()
                    ? new OpenLine(state, deadlines != null ? deadlines : current != null ? current.deadlines() : new Document())
                    : null;
            indexes.replaced(current, next);
            return next;
        });
        if (newer[0]) {
            changed(state.id());
        }
        overflowIfOverLimit();
    }

    /** Applies an event read from fcr.requests; answers false when the request must be reloaded. */
    public boolean apply(RequestEvent event) {
        if (overflowed) {
            changed(event.getRequestId());
            return true;
        }
        boolean[] follows = {true};
        boolean[] applied = {false};
        open.compute(event.getRequestId(), (id, current) -> {
            long have = current == null ? 0 : current.state().sequence();
            if (event.getSequence() <= have) {
                return current; // already here, typically this instance's own write
            }
            if (event.getSequence() != have + 1) {
                follows[0] = false;
                return current;
            }
            applied[0] = true;
            RequestState state = RequestEvolution.apply(current == null ? null : current.state(), event);
            OpenLine next = state.open() ? new OpenLine(state, current == null ? new Document() : current.deadlines()) : null;
            indexes.replaced(current, next);
            return next;
        });
        if (applied[0]) {
            changed(event.getRequestId());
        }
        overflowIfOverLimit();
        return follows[0];
    }

    public Mono<Void> reload(String requestId) {
        return store.find(requestId).doOnNext(this::put).then();
    }

    /** Records a clock of an open request; closed and unknown requests are not in any open list. */
    public void recordSla(SlaEvent e) {
        if (overflowed) {
            changed(e.getRequestId());
            return;
        }
        boolean[] recorded = {false};
        open.computeIfPresent(e.getRequestId(), (id, current) -> {
            Document deadlines = DeadlineBoard.withClock(current.deadlines(), e);
            if (deadlines == null) {
                return current;
            }
            recorded[0] = true;
            OpenLine next = new OpenLine(current.state(), deadlines);
            indexes.replaced(current, next);
            return next;
        });
        if (recorded[0]) {
            changed(e.getRequestId());
        }
    }

    /** One page of a list and how many lines the whole list has. */
    public record Page(List<Document> lines, long total) {
    }

    /**
     * A page of open requests matching the filter, as summary documents (the shape the store lists),
     * with the count of all that match (see {@link OpenPages#page}).
     */
    public Page page(RequestFilter filter, int page, int size, String sortField, Sort.Direction direction) {
        return new OpenPages(open, indexes).page(filter, page, size, sortField, direction);
    }

    /** A department's queue, nearest deadline first: the tickets it holds now (see {@link OpenPages#queue}). */
    public Page queue(String department, int page, int size) {
        return new OpenPages(open, indexes).queue(department, page, size);
    }

    /** The same page by a pass over every open line, as before the indexes: what {@link #page} must agree with. */
    Page pageByPass(RequestFilter filter, int page, int size, String sortField, Sort.Direction direction) {
        return OpenPages.best(open.values(), filter, page, size, sortField, direction);
    }

    OpenIndexes indexes() {
        return indexes;
    }
}
