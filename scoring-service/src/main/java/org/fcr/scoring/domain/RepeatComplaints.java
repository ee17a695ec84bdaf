package org.fcr.scoring.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fcr.events.RequestEvent;

/**
 * A repeat complaint: the same customer comes back on the same category within the configured
 * period. The department that handled the request before it answers for it through its head (fine 50 +
 * notice); if the first responder had closed or returned that request themselves, they pushed
 * the customer away (fine 20). Each request is judged once, against its predecessor (the latest
 * earlier request on the same matter), never against every earlier one: a customer who calls a
 * hundred times raises ninety-nine entries, not 4,950, and the history keeps at most
 * {@link #KEPT} requests, so the work per event is bounded however often a customer calls. The
 * predecessor is found by the time the customer called; a repeat judged before an earlier request
 * was read (it came on another partition) is not judged again.
 */
public class RepeatComplaints {

    /** The most recent requests kept per customer: enough to find any request's predecessor within the period. */
    static final int KEPT = 500;

    /** Who answers for a department: its head (from configuration), else the department itself. */
    public record Policy(Duration period, Set<String> categories, Map<String, Person> departmentHeads) {
    }

    /** Whether the history changed (and must be saved), and the entries of newly complete pairs. */
    public record Outcome(boolean changed, List<LedgerEntry> entries) {
    }

    private static final Comparator<PastRequest> ARRIVAL =
            Comparator.comparing(PastRequest::receivedAt).thenComparing(PastRequest::requestId);

    private final EntryFactory entries;
    private final Policy policy;

    public RepeatComplaints(RuleBook book, Policy policy) {
        this.entries = new EntryFactory(book);
        this.policy = policy;
    }

    /** Folds the event into the customer's history; returns the entries of newly complete pairs. */
    public Outcome apply(CustomerHistory history, RequestFacts facts, RequestEvent event) {
        if (!remember(history, facts, event)) {
            return new Outcome(false, List.of());
        }
        List<PastRequest> sorted = new ArrayList<>(history.requests);
        sorted.sort(ARRIVAL);
        List<LedgerEntry> raised = new ArrayList<>();
        int at = indexIn(sorted, facts.id);
        if (at >= 0) {
            // what this event can change: the request as a repeat of its predecessor, and as the predecessor of
            // the next request on the same matter (any later one has a nearer predecessor)
            PastRequest predecessor = predecessorOf(sorted, at);
            if (predecessor != null) {
                judge(history, predecessor, sorted.get(at), raised);
            }
            PastRequest successor = successorOf(sorted, at);
            if (successor != null) {
                judge(history, sorted.get(at), successor, raised);
            }
        }
        return new Outcome(true, raised);
    }

    private boolean remember(CustomerHistory history, RequestFacts facts, RequestEvent event) {
        int at = indexOf(history, facts.id);
        switch (event.getType()) {
            case ACCEPTED -> {
                if (at < 0 && facts.receivedAt != null) {
                    history.requests.add(new PastRequest(facts.id, event.getEventId(), facts.category, facts.receivedAt,
                            facts.department, facts.firstResponder, null, facts.drill));
                    forgetOld(history);
                    return true;
                }
            }
            case DISPATCHED -> {
                if (at >= 0 && history.requests.get(at).department() == null) {
                    history.requests.set(at, history.requests.get(at).withDepartment(facts.department));
                    return true;
                }
            }
            case CLOSED, RETURNED -> {
                boolean byFirstResponder = Actors.same(event.getActor(), facts.firstResponder) && !facts.completed;
                if (at >= 0 && byFirstResponder && history.requests.get(at).pushedAwayEventId() == null) {
                    history.requests.set(at, history.requests.get(at).pushedAwayBy(event.getEventId()));
                    return true;
                }
            }
            default -> {
                return false;
            }
        }
        return false;
    }

    /** The latest request before the j-th (in arrival order) on the same matter, or null. */
    private PastRequest predecessorOf(List<PastRequest> sorted, int j) {
        PastRequest repeat = sorted.get(j);
        for (int i = j - 1; i >= 0; i--) {
            if (sameMatter(sorted.get(i), repeat)) {
                return sorted.get(i);
            }
        }
        return null;
    }

    /** The first request after the j-th (in arrival order) on the same matter, or null. */
    private PastRequest successorOf(List<PastRequest> sorted, int j) {
        for (int i = j + 1; i < sorted.size(); i++) {
            if (sameMatter(sorted.get(j), sorted.get(i))) {
                return sorted.get(i);
            }
        }
        return null;
    }

    private boolean sameMatter(PastRequest first, PastRequest second) {
        return first.category().equals(second.category())
                && (policy.categories().isEmpty() || policy.categories().contains(first.category()))
                && first.drill() == second.drill();
    }

    private void judge(CustomerHistory history, PastRequest first, PastRequest second, List<LedgerEntry> raised) {
        Duration gap = Duration.between(first.receivedAt(), second.receivedAt());
        if (gap.isNegative() || gap.compareTo(policy.period()) > 0) {
            return;
        }
        List<String> triggers = List.of(first.acceptedEventId(), second.acceptedEventId());
        // judged once per repeat, against the predecessor known then: a predecessor read later (another
        // partition) does not fine the same repeat again
        if (first.department() != null && history.judgedPairs.add(judged(second, PenaltyRule.REPEAT_COMPLAINT))) {
            Person head = policy.departmentHeads().get(first.department());
            Subject subject = head != null ? Subject.of(head) : Subject.department(first.department());
            raised.add(entries.raise(PenaltyRule.REPEAT_COMPLAINT, subject, second.requestId(), "REVISIT",
                    "重复投诉：客户就同类事项（" + Names.category(first.category()) + "）再次来电，前次请求 " + first.requestId()
                            + " 由 " + first.department() + " 处理（通报部门）",
                    triggers, second.receivedAt(), second.drill()));
        }
        if (first.pushedAwayEventId() != null && first.firstResponder() != null
                && history.judgedPairs.add(judged(second, PenaltyRule.PUSHED_AWAY))) {
            List<String> pushed = List.of(first.pushedAwayEventId(), second.acceptedEventId());
            raised.add(entries.raise(PenaltyRule.PUSHED_AWAY, Subject.of(first.firstResponder()), second.requestId(),
                    "ACCEPT", "首问责任人推诿：前次请求 " + first.requestId() + " 被其自行关闭或退回，客户再次投诉",
                    pushed, second.receivedAt(), second.drill()));
        }
    }

    /**
     * Keeps the index small: requests far older than the period can no longer pair with a new one, and past
     * {@link #KEPT} the oldest go (a request that old in so busy a history is never anyone's predecessor).
     */
    private void forgetOld(CustomerHistory history) {
        var newest = history.requests.stream().map(PastRequest::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        var horizon = newest.minus(policy.period().multipliedBy(3));
        history.requests.removeIf(r -> r.receivedAt().isBefore(horizon));
        if (history.requests.size() > KEPT) {
            history.requests.sort(ARRIVAL);
            history.requests.subList(0, history.requests.size() - KEPT).clear();
        }
        Set<String> kept = new HashSet<>();
        history.requests.forEach(r -> kept.add(r.requestId()));
        history.judgedPairs.removeIf(judged -> !kept.contains(judged.substring(0, judged.lastIndexOf(':'))));
    }

    /** What the history remembers of a judged repeat: "request:RULE". */
    private static String judged(PastRequest repeat, PenaltyRule rule) {
        return repeat.requestId() + ":" + rule;
    }

    private static int indexOf(CustomerHistory history, String requestId) {
        return indexIn(history.requests, requestId);
    }

    private static int indexIn(List<PastRequest> requests, String requestId) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).requestId().equals(requestId)) {
                return i;
            }
        }
        return -1;
    }
}
