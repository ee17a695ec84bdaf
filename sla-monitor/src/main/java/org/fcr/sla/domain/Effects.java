package org.fcr.sla.domain;

import java.util.ArrayList;
import java.util.List;

import org.fcr.events.SlaEvent;

/** What one step of the engine caused: events for {@code fcr.sla} and finished stages for statistics. */
public record Effects(List<SlaEvent> events, List<StageOutcome> outcomes) {

    public Effects() {
        this(new ArrayList<>(), new ArrayList<>());
    }

    public boolean isEmpty() {
        return events.isEmpty() && outcomes.isEmpty();
    }
}
