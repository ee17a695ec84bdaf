package org.fcr.sla.messaging;

import org.fcr.events.SlaEvent;
import org.fcr.sla.domain.StageOutcome;

/** What the clock processor forwards: an event for {@code fcr.sla}, or a finished stage for statistics. */
public record SlaOutput(SlaEvent event, StageOutcome outcome) {

    static SlaOutput of(SlaEvent event) {
        return new SlaOutput(event, null);
    }

    static SlaOutput of(StageOutcome outcome) {
        return new SlaOutput(null, outcome);
    }
}
