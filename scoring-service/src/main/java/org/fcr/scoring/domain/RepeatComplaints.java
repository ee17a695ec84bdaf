package org.fcr.scoring.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fcr.events.RequestEvent;

/**
 * A repeat complaint: the same customer comes back on the same category within the configured
 * period. The department that handled the first request answers for it through its head (fine 50 +
 * notice); if the first responder had closed or returned the first request themselves, they pushed
 * the customer away (fine 20). Pairs are judged in either arrival order, so a replay that reads
 * two partitions in another interleaving still raises the same entries.
 */
public class RepeatComplaints {

    /** Who answers for a department: its head (from configuration), else the department itself. */
    public record Policy(Duration period, Set<String> categories, Map<String, Person> departmentHeads) {
    }

    /** Whether the history changed (and must be saved), and the entries of newly complete pairs. */
    public record Outcome(boolean changed, List<LedgerEntry> entries) {
    }

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
        sorted.sort(Comparator.comparing(PastRequest::receivedAt).thenComparing(PastRequest::requestId));
        List<LedgerEntry> raised = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                judge(history, sorted.get(i), sorted.get(j), raised);
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

    private void judge(CustomerHistory history, PastRequest first, PastRequest second, List<LedgerEntry> raised) {
        boolean sameMatter = first.category().equals(second.category())
                && (policy.categories().isEmpty() || policy.categories().contains(first.category()))
                && first.drill() == second.drill();
        Duration gap = Duration.between(first.receivedAt(), second.receivedAt());
        if (!sameMatter || gap.isNegative() || gap.compareTo(policy.period()) > 0) {
            return;
        }
        List<String> triggers = List.of(first.acceptedEventId(), second.acceptedEventId());
        String pair = first.requestId() + ">" + second.requestId();
        if (first.department() != null && history.judgedPairs.add(pair + ":" + PenaltyRule.REPEAT_COMPLAINT)) {
            Person head = policy.departmentHeads().get(first.department());
            Subject subject = head != null ? Subject.of(head) : Subject.department(first.department());
            raised.add(entries.raise(PenaltyRule.REPEAT_COMPLAINT, subject, second.requestId(), "REVISIT",
                    "重复投诉：客户就同类事项（" + Names.category(first.category()) + "）再次来电，前次请求 " + first.requestId()
                            + " 由 " + first.department() + " 处理（通报部门）",
                    triggers, second.receivedAt(), second.drill()));
        }
        if (first.pushedAwayEventId() != null && first.firstResponder() != null
                && history.judgedPairs.add(pair + ":" + PenaltyRule.PUSHED_AWAY)) {
            List<String> pushed = List.of(first.pushedAwayEventId(), second.acceptedEventId());
            raised.add(entries.raise(PenaltyRule.PUSHED_AWAY, Subject.of(first.firstResponder()), second.requestId(),
                    "ACCEPT", "首问责任人推诿：前次请求 " + first.requestId() + " 被其自行关闭或退回，客户再次投诉",
                    pushed, second.receivedAt(), second.drill()));
        }
    }

    /** Keeps the index small: requests far older than the period can no longer pair with a new one. */
    private void forgetOld(CustomerHistory history) {
        var newest = history.requests.stream().map(PastRequest::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        var horizon = newest.minus(policy.period().multipliedBy(3));
        history.requests.removeIf(r -> r.receivedAt().isBefore(horizon));
        history.judgedPairs.removeIf(pair -> history.requests.stream().noneMatch(r -> pair.startsWith(r.requestId() + ">")));
    }

    private static int indexOf(CustomerHistory history, String requestId) {
        for (int i = 0; i < history.requests.size(); i++) {
            if (history.requests.get(i).requestId().equals(requestId)) {
                return i;
            }
        }
        return -1;
    }
}
