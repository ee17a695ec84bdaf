package org.fcr.intake.domain;

import java.util.List;

import org.fcr.events.RequestEvent;

/** What a command decided: the request's new state and the events that made it so (the outbox). */
public record Decision(RequestState state, List<RequestEvent> events) {

    public boolean nothingChanged() {
        return events.isEmpty();
    }

    public long firstSequence() {
        return events.isEmpty() ? state.sequence() : events.get(0).getSequence();
    }
}
