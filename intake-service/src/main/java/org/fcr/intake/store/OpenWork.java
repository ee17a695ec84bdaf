package org.fcr.intake.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
 * The lists the pages ask for all day read {@link OpenIndexes}, not every line.
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

    /** A list with at least 1/DENSE of the open lines fills its newest page within a short walk. */
    private static final int DENSE = 8;

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
            open.clear();
            indexes = new OpenIndexes();
            overflowed = false;
            return load();
        });
    }

    /** After each change: past the limit, lets go of every line (a change racing this one may leave a line, unread). */
    private void overflowIfOverLimit() {
        if (open.size() > limit && !overflowed) {
            overflowed = true;
            open.clear();
            indexes = new OpenIndexes();
            log.warn("More than {} open requests (fcr.intake.open-work-limit): the lists now read the store, and the "
                    + "open work is loaded again once they are fewer", limit);
        }
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
     * with the count of all that match. The whole open list newest first is read off its index, and so
     * is a list of one first responder, department or the overdue when it holds many lines (it fills
     * its page soon); a smaller such list looks only at its own lines; any other list passes over every
     * open line.
     */
    public Page page(RequestFilter filter, int page, int size, String sortField, Sort.Direction direction) {
        Set<String> narrowed = indexes.narrowest(filter);
        if ("receivedAt".equals(sortField) && direction == Sort.Direction.DESC) {
            if (narrowed == null && matchesEveryOpenLine(filter)) {
                return walk(indexes.newestFirst(), page, size, line -> true, open.size());
            }
            // one index says exactly which lines match; when they are many, the newest of them come soon
            if (narrowed != null && onlyOneIndexIn(filter) && narrowed.size() * DENSE >= open.size()) {
                return walk(indexes.newestFirst(), page, size, line -> line.matches(filter), narrowed.size());
            }
        }
        return best(narrowed == null ? open.values() : linesOf(narrowed), filter, page, size, sortField, direction);
    }

    /**
     * A department's queue, nearest deadline first: the tickets it holds now, read off the queue's own
     * order. A ticket it returned or forwarded keeps it as its last department until dispatch decides
     * again, but is not in its queue.
     */
    public Page queue(String department, int page, int size) {
        return walk(indexes.nearestFirst(department), page, size, line -> department.equals(line.queue()),
                indexes.queue(department).size());
    }

    /** The same page by a pass over every open line, as before the indexes: what {@link #page} must agree with. */
    Page pageByPass(RequestFilter filter, int page, int size, String sortField, Sort.Direction direction) {
        return best(open.values(), filter, page, size, sortField, direction);
    }

    OpenIndexes indexes() {
        return indexes;
    }

    /**
     * Walks the open lines in an index's order, keeping those that match, until the page is full. A line
     * that moves while the walk runs may be met twice (the index is read as it changes): it is shown once.
     */
    private Page walk(Iterator<String> ids, int page, int size, Predicate<OpenLine> matching, long total) {
        List<Document> lines = new ArrayList<>(size);
        Set<String> seen = new HashSet<>();
        long skip = (long) page * size;
        while (ids.hasNext() && lines.size() < size) {
            String id = ids.next();
            OpenLine line = open.get(id);
            if (line == null || !matching.test(line) || !seen.add(id)) {
                continue; // closed or moved meanwhile, not in this list, or met already
            }
            if (skip > 0) {
                skip--;
            } else {
                lines.add(line.summary());
            }
        }
        return new Page(lines, total);
    }

    private Iterable<OpenLine> linesOf(Set<String> ids) {
        return () -> ids.stream().map(open::get).filter(Objects::nonNull).iterator();
    }

    private static boolean matchesEveryOpenLine(RequestFilter f) {
        return (blank(f.status()) || "OPEN".equals(f.status())) && blank(f.stage()) && blank(f.category())
                && blank(f.channel()) && blank(f.register()) && blank(f.firstResponder()) && blank(f.department())
                && blank(f.handler()) && f.returnedBy() == null && f.from() == null && f.to() == null
                && f.overdue() == null;
    }

    /** The filter asks for one indexed field (first responder, department or overdue) and nothing else. */
    private static boolean onlyOneIndexIn(RequestFilter f) {
        int indexed = (blank(f.firstResponder()) ? 0 : 1) + (blank(f.department()) ? 0 : 1)
                + (Boolean.TRUE.equals(f.overdue()) ? 1 : 0);
        RequestFilter rest = new RequestFilter(f.status(), f.stage(), f.category(), f.channel(), f.register(), null, null,
                f.handler(), f.returnedBy(), f.from(), f.to(), Boolean.TRUE.equals(f.overdue()) ? null : f.overdue());
        return indexed == 1 && matchesEveryOpenLine(rest);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** One pass that keeps only the best (page + 1) × size lines, not a sort. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Page best(Iterable<OpenLine> candidates, RequestFilter filter, int page, int size, String sortField,
                             Sort.Direction direction) {
        Comparator<Comparable> keys = direction == Sort.Direction.DESC
                ? Comparator.nullsLast(Comparator.<Comparable>reverseOrder())
                : Comparator.nullsLast(Comparator.<Comparable>naturalOrder());
        Comparator<OpenLine> order = Comparator.comparing(OpenLine.sortKey(sortField), keys).thenComparing(OpenLine::id);
        int keep = (page + 1) * size;
        PriorityQueue<OpenLine> best = new PriorityQueue<>(keep + 1, order.reversed());
        long total = 0;
        for (OpenLine line : candidates) {
            if (!line.matches(filter)) {
                continue;
            }
            total++;
            if (best.size() < keep || order.compare(line, best.peek()) < 0) {
                best.offer(line);
                if (best.size() > keep) {
                    best.poll();
                }
            }
        }
        List<OpenLine> sorted = new ArrayList<>(best);
        sorted.sort(order);
        List<Document> lines = sorted.subList(Math.min(page * size, sorted.size()), sorted.size()).stream()
                .map(OpenLine::summary).toList();
        return new Page(lines, total);
    }
}
