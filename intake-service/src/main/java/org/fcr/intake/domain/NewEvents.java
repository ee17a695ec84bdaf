package org.fcr.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.fcr.events.Actor;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;

/**
 * Appends signed events to a request one after the other, folding each into the state at once, so
 * a later event of the same command sees (and carries) the context the earlier one set.
 */
final class NewEvents {

    private RequestState state;
    private final Actor actor;
    private final Instant now;
    private final List<RequestEvent> events = new ArrayList<>();

    NewEvents(RequestState state, Actor actor, Instant now) {
        this.state = state;
        this.actor = actor;
        this.now = now;
    }

    RequestState state() {
        return state;
    }

    NewEvents emit(RequestEventType type, Object payload) {
        return emit(type, payload, UnaryOperator.identity(), Map.of());
    }

    NewEvents emit(RequestEventType type, Object payload, UnaryOperator<RequestContext> contextChange) {
        return emit(type, payload, contextChange, Map.of());
    }

    NewEvents emit(RequestEventType type, Object payload, UnaryOperator<RequestContext> contextChange,
                   Map<String, String> attributes) {
        long sequence = state.sequence() + 1;
        RequestContext context = contextChange.apply(copy(state.context()));
        RequestEvent event = RequestEvent.newBuilder()
                .setEventId(state.id() + "-" + sequence)
                .setRequestId(state.id())
                .setSequence(sequence)
                .setType(type)
                .setOccurredAt(now)
                .setActor(actor)
                .setContext(context)
                .setPayload(payload)
                .setAttributes(Map.copyOf(attributes))
                .build();
        events.add(event);
        state = RequestEvolution.apply(state, event);
        return this;
    }

    /**
     * A shallow copy: commands only replace fields, never change nested records, and Avro's own
     * deep-copying builder would need the class-trust setup that belongs to the serde.
     */
    static RequestContext copy(RequestContext c) {
        return new RequestContext(c.getCategory(), c.getSubcategory(), c.getSize(), c.getScope(), c.getMajor(),
                c.getChannel(), c.getFirstResponder(), c.getCustomer(), c.getBuilding(), c.getDepartment(),
                c.getHandler(), c.getPaid(), c.getDrill());
    }

    Decision decision() {
        return new Decision(state, List.copyOf(events));
    }
}
