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
import java.util.function.Predicate;

import org.bson.Document;
import org.springframework.data.domain.Sort;

/**
 * Reads pages of lists off the open lines and their indexes: the whole open list newest first and a
 * department's queue by walking an index in its order, a narrow list by looking only at its own lines,
 * any other list by one pass that keeps the best lines. Only the lines of the page answered become
 * summary documents.
 */
final class OpenPages {

    /** A list with at least 1/DENSE of the open lines fills its newest page within a short walk. */
    private static final int DENSE = 8;

    private final Map<String, OpenLine> open;
    private final OpenIndexes indexes;

    OpenPages(Map<String, OpenLine> open, OpenIndexes indexes) {
        this.open = open;
        this.indexes = indexes;
    }

    /**
     * A page of open requests matching the filter, as summary documents (the shape the store lists),
     * with the count of all that match. The whole open list newest first is read off its index, and so
     * is a list of one first responder, department or the overdue when it holds many lines (it fills
     * its page soon); a smaller such list looks only at its own lines; any other list passes over every
     * open line.
     */
    OpenWork.Page page(RequestFilter filter, int page, int size, String sortField, Sort.Direction direction) {
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
    OpenWork.Page queue(String department, int page, int size) {
        return walk(indexes.nearestFirst(department), page, size, line -> department.equals(line.queue()),
                indexes.queue(department).size());
    }

    /**
     * Walks the open lines in an index's order, keeping those that match, until the page is full. A line
     * that moves while the walk runs may be met twice (the index is read as it changes): it is shown once.
     */
    private OpenWork.Page walk(Iterator<String> ids, int page, int size, Predicate<OpenLine> matching, long total) {
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
        return new OpenWork.Page(lines, total);
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
    static OpenWork.Page best(Iterable<OpenLine> candidates, RequestFilter filter, int page, int size, String sortField,
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
        return new OpenWork.Page(lines, total);
    }
}
