package org.fcr.intake.store;

import java.util.List;

import org.bson.Document;
import org.fcr.events.RequestEvent;
import org.fcr.intake.domain.RequestState;

/** A request read back from the store: its state, its timeline, and the deadlines sla-monitor reported. */
public record StoredRequest(RequestState state, List<RequestEvent> timeline, Document deadlines) {
}
