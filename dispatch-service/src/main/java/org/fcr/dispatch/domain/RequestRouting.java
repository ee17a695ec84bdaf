package org.fcr.dispatch.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Dispatch's memory of one request: where it is, how often it came back, whether a manager must
 * arbitrate, and which request events were already handled (so a replay dispatches nothing twice).
 * {@code openReturns} counts the returns since the last arbitration and {@code returnedBy} names
 * the departments that made them.
 */
public record RequestRouting(String requestId, int attempt, String currentDepartment, String assignee,
                             int returnCount, int openReturns, List<String> returnedBy, boolean arbitrationPending,
                             Set<String> processedEventIds, String description, List<Hop> hops,
                             boolean closed, long version) {

    public RequestRouting {
        returnedBy = returnedBy == null ? List.of() : List.copyOf(returnedBy);
        processedEventIds = processedEventIds == null ? Set.of() : Set.copyOf(processedEventIds);
        hops = hops == null ? List.of() : List.copyOf(hops);
    }

    public static RequestRouting start(String requestId) {
        return new RequestRouting(requestId, 0, null, null, 0, 0, List.of(), false, Set.of(), null, List.of(), false, 0);
    }

    public boolean hasProcessed(String eventId) {
        return processedEventIds.contains(eventId);
    }

    public RequestRouting processed(String eventId) {
        Set<String> ids = new LinkedHashSet<>(processedEventIds);
        ids.add(eventId);
        return new RequestRouting(requestId, attempt, currentDepartment, assignee, returnCount, openReturns, returnedBy,
                arbitrationPending, ids, description, hops, closed, version);
    }

    public RequestRouting describedAs(String text) {
        return new RequestRouting(requestId, attempt, currentDepartment, assignee, returnCount, openReturns, returnedBy,
                arbitrationPending, processedEventIds, text, hops, closed, version);
    }

    public RequestRouting assignedTo(String employeeId) {
        return new RequestRouting(requestId, attempt, currentDepartment, employeeId, returnCount, openReturns, returnedBy,
                arbitrationPending, processedEventIds, description, hops, closed, version);
    }

    public RequestRouting reopened() {
        return new RequestRouting(requestId, attempt, currentDepartment, assignee, returnCount, openReturns, returnedBy,
                arbitrationPending, processedEventIds, description, hops, false, version);
    }

    public RequestRouting closedNow() {
        return new RequestRouting(requestId, attempt, currentDepartment, null, returnCount, openReturns, returnedBy,
                arbitrationPending, processedEventIds, description, hops, true, version);
    }

    public RequestRouting returnedFrom(String department) {
        List<String> by = new ArrayList<>(returnedBy);
        if (department != null && !by.contains(department)) {
            by.add(department);
        }
        return new RequestRouting(requestId, attempt, currentDepartment, assignee, returnCount + 1, openReturns + 1, by,
                arbitrationPending, processedEventIds, description, hops, closed, version);
    }

    /** The state after a plan was decided; arbitration settles the past returns. */
    public RequestRouting dispatched(DispatchPlan plan, String handler) {
        List<Hop> journey = new ArrayList<>(hops);
        journey.add(new Hop(plan.attempt(), plan.department().code(), plan.reason(), plan.arbitrationRequired()));
        boolean settled = plan.reason() == DispatchReason.ARBITRATED;
        return new RequestRouting(requestId, plan.attempt(), plan.department().code(), handler, returnCount,
                settled ? 0 : openReturns, settled ? List.of() : returnedBy, plan.arbitrationRequired(), processedEventIds, description,
                journey, false, version);
    }

    /** Every department that has held the ticket, in order of first arrival. */
    public List<String> departmentsInvolved() {
        return hops.stream().filter(h -> !h.arbitrationRequired()).map(Hop::department).distinct().toList();
    }
}
