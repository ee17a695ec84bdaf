package org.fcr.intake.store;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Secondary indexes over the open lines, for the lists the pages ask for all day: "my requests"
 * (first responder), lists by department, a department's queue (what it holds now: not a ticket it returned
 * or forwarded that waits for dispatch), the tickets a department returned, the overdue list, and the whole
 * open list newest first.
 * Without them every list call was a pass over every open request (~240 ms at 235k open under load),
 * once a second per desk page while requests arrive. Each index changes inside the same atomic step
 * as the line it indexes ({@link #replaced}), so it never disagrees with the lines for long enough to matter:
 * a reader may still see a line a moment before or after it moved, as with any concurrent read.
 */
final class OpenIndexes {

    /** Newest received first, then by id: the order of a list sorted by receivedAt, descending. */
    private static final Comparator<Arrival> NEWEST_FIRST = Comparator
            .comparing(Arrival::receivedAt, Comparator.nullsLast(Comparator.<Long>reverseOrder()))
            .thenComparing(Arrival::id);

    /** Nearest deadline first (none last), then by id: the order of a list sorted by nextDeadline, ascending. */
    private static final Comparator<Due> NEAREST_FIRST = Comparator
            .comparing(Due::nextDeadline, Comparator.nullsLast(Comparator.<Long>naturalOrder()))
            .thenComparing(Due::id);

    /** Where a line sits in arrival order; a request's arrival never changes. */
    record Arrival(Long receivedAt, String id) {
    }

    /** Where a ticket sits in its department's queue; it moves when an SLA event changes its next deadline. */
    record Due(Long nextDeadline, String id) {
    }

    private final Map<String, Set<String>> byFirstResponder = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byDepartment = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byQueue = new ConcurrentHashMap<>();
    /** The same tickets as byQueue, in queue order (byQueue keeps their count: a skip list counts by walking). */
    private final Map<String, ConcurrentSkipListSet<Due>> queueOrder = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byReturner = new ConcurrentHashMap<>();
    private final Set<String> overdue = ConcurrentHashMap.newKeySet();
    private final ConcurrentSkipListSet<Arrival> newestFirst = new ConcurrentSkipListSet<>(NEWEST_FIRST);

    /** A request's line changed from {@code before} to {@code after} (either may be null: opened, closed). */
    void replaced(OpenLine before, OpenLine after) {
        if (before == after) {
            return;
        }
        String id = before != null ? before.id() : after.id();
        move(byFirstResponder, before == null ? null : before.firstResponderId(), after == null ? null : after.firstResponderId(), id);
        move(byDepartment, before == null ? null : before.department(), after == null ? null : after.department(), id);
        move(byQueue, before == null ? null : before.queue(), after == null ? null : after.queue(), id);
        reorder(before, after, id);
        List<String> returnedBefore = before == null ? List.of() : before.returnedBy();
        List<String> returnedAfter = after == null ? List.of() : after.returnedBy();
        if (!returnedBefore.equals(returnedAfter)) {
            // a ticket returned by two departments is in both lists: move each department on its own
            returnedBefore.stream().filter(d -> !returnedAfter.contains(d)).forEach(d -> move(byReturner, d, null, id));
            returnedAfter.stream().filter(d -> !returnedBefore.contains(d)).forEach(d -> move(byReturner, null, d, id));
        }
        if (after != null && after.overdue()) {
            overdue.add(id);
        } else {
            overdue.remove(id);
        }
        if (before == null) {
            newestFirst.add(new Arrival(after.receivedAt(), id));
        } else if (after == null) {
            newestFirst.remove(new Arrival(before.receivedAt(), id));
        }
    }

    /**
     * The ids a list with this filter can be limited to: the smallest index that applies, or null when
     * none does (the list must then look at every open line). Lines outside the set cannot match.
     */
    Set<String> narrowest(RequestFilter filter) {
        Set<String> best = null;
        if (given(filter.firstResponder())) {
            best = byFirstResponder.getOrDefault(filter.firstResponder(), Set.of());
        }
        if (given(filter.department())) {
            best = smaller(best, byDepartment.getOrDefault(filter.department(), Set.of()));
        }
        if (filter.returnedBy() != null) {
            best = smaller(best, byReturner.getOrDefault(filter.returnedBy(), Set.of()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            best = smaller(best, overdue);
        }
        return best;
    }

    /** The ids of the tickets a department holds now. */
    Set<String> queue(String department) {
        return byQueue.getOrDefault(department, Set.of());
    }

    /** Every open request, newest received first (ties by id), as ids. */
    Iterator<String> newestFirst() {
        return newestFirst.stream().map(Arrival::id).iterator();
    }

    /** A department's queue, nearest deadline first (ties by id), as ids. */
    Iterator<String> nearestFirst(String department) {
        Set<Due> order = queueOrder.get(department);
        return order == null ? Collections.emptyIterator() : order.stream().map(Due::id).iterator();
    }

    /** Moves a ticket within or between queue orders when its queue or its next deadline changed. */
    private void reorder(OpenLine before, OpenLine after, String id) {
        String fromQueue = before == null ? null : before.queue();
        String toQueue = after == null ? null : after.queue();
        Due from = fromQueue == null ? null : new Due(before.nextDeadline(), id);
        Due to = toQueue == null ? null : new Due(after.nextDeadline(), id);
        if (Objects.equals(fromQueue, toQueue) && Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            KeyedSets.take(queueOrder, fromQueue, from);
        }
        if (to != null) {
            KeyedSets.put(queueOrder, toQueue, to, () -> new ConcurrentSkipListSet<>(NEAREST_FIRST));
        }
    }

    /**
     * How many ids each index holds — first responders, departments, queues, queue orders, returners, overdue,
     * arrivals — to see leaks.
     */
    List<Integer> sizes() {
        return List.of(count(byFirstResponder), count(byDepartment), count(byQueue),
                queueOrder.values().stream().mapToInt(Set::size).sum(), count(byReturner), overdue.size(), newestFirst.size());
    }

    private static int count(Map<String, Set<String>> index) {
        return index.values().stream().mapToInt(Set::size).sum();
    }

    private static void move(Map<String, Set<String>> index, String from, String to, String id) {
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            KeyedSets.take(index, from, id);
        }
        if (to != null) {
            KeyedSets.put(index, to, id, ConcurrentHashMap::newKeySet);
        }
    }

    private static Set<String> smaller(Set<String> a, Set<String> b) {
        return a == null || b.size() < a.size() ? b : a;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
