package org.fcr.intake.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

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
 */
@Component
public class OpenWork {

    /** Every open request's line (state, deadlines and list fields), made once per change: lists only read it. */
    private final Map<String, OpenLine> open = new ConcurrentHashMap<>();
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
            if (!state.open()) {
                return null;
            }
            return new OpenLine(state, deadlines != null ? deadlines : current != null ? current.deadlines() : new Document());
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
            RequestState next = RequestEvolution.apply(current == null ? null : current.state(), event);
            return next.open() ? new OpenLine(next, current == null ? new Document() : current.deadlines()) : null;
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
            return new OpenLine(current.state(), deadlines);
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
     * with the count of all that match: one pass that keeps only the best (page + 1) × size lines,
     * not a sort.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Page page(RequestFilter filter, int page, int size, String sortField, Sort.Direction direction) {
        Comparator<Comparable> keys = direction == Sort.Direction.DESC
                ? Comparator.nullsLast(Comparator.<Comparable>reverseOrder())
                : Comparator.nullsLast(Comparator.<Comparable>naturalOrder());
        Comparator<OpenLine> order = Comparator.comparing(OpenLine.sortKey(sortField), keys).thenComparing(OpenLine::id);
        int keep = (page + 1) * size;
        PriorityQueue<OpenLine> best = new PriorityQueue<>(keep + 1, order.reversed());
        long total = 0;
        for (OpenLine line : open.values()) {
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
