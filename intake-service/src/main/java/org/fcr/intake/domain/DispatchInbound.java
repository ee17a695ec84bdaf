package org.fcr.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fcr.events.ArbitrationRequested;
import org.fcr.events.DispatchDecision;
import org.fcr.events.Dispatched;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;

/**
 * dispatch-service's decisions come back into the request's one timeline: DISPATCHED (and, when
 * the ticket bounced too often, ARBITRATION_REQUESTED). Each decision is applied once, whatever
 * the number of times it is delivered.
 */
public final class DispatchInbound {

    private DispatchInbound() {
    }

    /** Several decisions about one request, in the order they were taken, as one command (one write). */
    public static Decision dispatchedInOrder(RequestState s, List<DispatchDecision> decisions, Instant now) {
        RequestState state = s;
        List<RequestEvent> events = new ArrayList<>();
        for (DispatchDecision d : decisions) {
            Decision one = dispatched(state, d, now);
            state = one.state();
            events.addAll(one.events());
        }
        return new Decision(state, List.copyOf(events));
    }

    public static Decision dispatched(RequestState s, DispatchDecision d, Instant now) {
        if (s.appliedDecisions().contains(d.getDecisionId()) || !s.open() || !accepts(s, d)) {
            return new Decision(s, List.of());
        }
        Dispatched dispatched = Dispatched.newBuilder()
                .setDepartment(d.getDepartment())
                .setDepartmentName(d.getDepartmentName())
                .setHandler(d.getHandler())
                .setRuleId(d.getRuleId())
                .setReason(d.getReason())
                .setAttempt(d.getAttempt())
                .setWrongDepartments(d.getWrongDepartments())
                .setPreviousDepartment(d.getPreviousDepartment())
                .build();
        NewEvents events = new NewEvents(s, d.getDecidedBy(), now)
                .emit(RequestEventType.DISPATCHED, dispatched, c -> {
                    c.setDepartment(d.getDepartment());
                    c.setHandler(d.getHandler());
                    return c;
                }, Map.of(RequestEvolution.DECISION_ID, d.getDecisionId()));
        if (d.getArbitrationRequired()) {
            events.emit(RequestEventType.ARBITRATION_REQUESTED,
                    new ArbitrationRequested(d.getReturnCount(), d.getWrongDepartments()));
        }
        return events.decision();
    }

    /**
     * A routing decision is taken while the request waits for one; a later decision (arbitration or
     * a manual re-route) may also move a ticket the department has not yet started on site.
     */
    private static boolean accepts(RequestState s, DispatchDecision d) {
        return switch (s.step()) {
            case AWAITING_DISPATCH -> true;
            case DISPATCHED, ACKNOWLEDGED, ORGANISED -> switch (d.getReason()) {
                case ARBITRATED, MANUAL -> true;
                default -> false;
            };
            default -> false;
        };
    }
}
