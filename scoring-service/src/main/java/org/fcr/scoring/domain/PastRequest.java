package org.fcr.scoring.domain;

import java.time.Instant;

/**
 * A request in a customer's recent history: enough to see a repeat on the same matter, who
 * handled the first one, and whether its first responder sent the customer away.
 */
public record PastRequest(String requestId, String acceptedEventId, String category, Instant receivedAt,
                          String department, Person firstResponder, String pushedAwayEventId, boolean drill) {

    PastRequest withDepartment(String value) {
        return new PastRequest(requestId, acceptedEventId, category, receivedAt, value, firstResponder, pushedAwayEventId, drill);
    }

    PastRequest pushedAwayBy(String eventId) {
        return new PastRequest(requestId, acceptedEventId, category, receivedAt, department, firstResponder, eventId, drill);
    }
}
