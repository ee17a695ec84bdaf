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
import org.fcr.intake.domain.RequestEvolution;
import org.fcr.intake.domain.RequestState;
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
 */
@Component
public class OpenWork {

    /** A list with at least 1/DENSE of the open lines fills its newest page within a short walk. */
    private static final int DENSE = 8;

    /** Every open request's line (state, deadlines and list fields), made once per change: lists only read it. */
    private final Map<String, OpenLine> open = new ConcurrentHashMap<>();
    /** Changed only inside {@code open.compute} of the line it indexes, so index and line move together. */
    private final OpenIndexes indexes = new OpenIndexes();
    /** Ids of requests whose open-list line changed, for pages that listen instead of polling. */
    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();
    private final ReactiveMongoTemplate mongo;
    private final RequestStore store;
    private volatile boolean loaded;

    public OpenWork(ReactiveMongoTemplate mongo, RequestStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    public Flux<String> changes() {
        return changes.asFlux();
    }

    private void changed(String requestId) {
        changes.tryEmitNext(requestId);
    }

    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return open.size();
    }

    /** Reads the open requests once (a scan, at start only). */
    public Mono<Integer> load() {
        return mongo.find(Query.query(Criteria.where("status").is("OPEN")), Document.class, RequestStore.COLLECTION)
                .map(RequestStore::toStored)
                .doOnNext(this::put)
                .count()
                .map(Long::intValue)
                .doOnSuccess(n -> loaded = true);
    }

    /** A request's new state, from this instance's write or a reload; older states never replace newer ones. */
    public void put(StoredRequest stored) {
        put(stored.state(), stored.deadlines());
    }

    public void put(RequestState state, Document deadlines) {
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
    }

    /** Applies an event read from fcr.requests; answers false when the request must be reloaded. */
    public boolean apply(RequestEvent event) {
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
        return follows[0];
    }

    public Mono<Void> reload(String requestId) {
        return store.find(requestId).doOnNext(this::put).then();
    }

    /** Records a clock of an open request; closed and unknown requests are not in any open list. */
    public void recordSla(SlaEvent e) {
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
