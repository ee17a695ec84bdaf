package org.fcr.dispatch.messaging;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fcr.dispatch.domain.RequestRouting;
import org.fcr.dispatch.store.ArbitrationDocument;
import org.fcr.dispatch.store.PendingDispatch;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.events.Accepted;
import org.fcr.events.Acknowledged;
import org.fcr.events.DispatchRequested;
import org.fcr.events.Forwarded;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.Returned;

/**
 * What the events of one request in one batch did to its routing: the state after the last event
 * applied, whether it must be written, every outbox entry this batch sends for the request (new
 * dispatches, and those a redelivered record had decided), arbitration cases opened, and — when an
 * event could not be applied — its batch index (the events before it still count).
 */
record RequestTransition(RequestRouting state, Long version, byte[] lastEvent, boolean changed,
                         List<PendingDispatch> outbox, List<ArbitrationDocument> arbitrations,
                         int failedIndex, Throwable failure) {

    /** A record of the batch: its index (for the error handler), its position, its event. */
    record Positioned(int index, int partition, long offset, RequestEvent event) {
    }

    /** Events that may send the request somewhere, and events that only update what dispatch remembers. */
    static final Set<RequestEventType> PLANNED = EnumSet.of(RequestEventType.DISPATCH_REQUESTED,
            RequestEventType.RETURNED, RequestEventType.FORWARDED, RequestEventType.ARBITRATION_REQUESTED);
    static final Set<RequestEventType> RECORDED = EnumSet.of(RequestEventType.ACCEPTED,
            RequestEventType.REOPENED, RequestEventType.ACKNOWLEDGED, RequestEventType.COMPLETED, RequestEventType.CLOSED);

    static boolean concerns(RequestEvent event) {
        return PLANNED.contains(event.getType()) || RECORDED.contains(event.getType());
    }

    /** A payload that does not fit its type is a broken event: it goes to the dead-letter topic. */
    static void check(RequestEvent event) {
        Class<?> expected = switch (event.getType()) {
            case ACCEPTED -> Accepted.class;
            case DISPATCH_REQUESTED -> DispatchRequested.class;
            case RETURNED -> Returned.class;
            case FORWARDED -> Forwarded.class;
            case ACKNOWLEDGED -> Acknowledged.class;
            default -> null;
        };
        if (expected != null) {
            as(event.getPayload(), expected);
        }
    }

    static <T> T as(Object payload, Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new IllegalArgumentException("Expected a " + type.getSimpleName() + " payload, got "
                    + (payload == null ? "none" : payload.getClass().getSimpleName()));
        }
        return type.cast(payload);
    }

    boolean failed() {
        return failure != null;
    }

    /** The outbox entries a redelivered record had decided (a record already handled decides nothing anew). */
    static void resend(RoutingDocument stored, Positioned record, Map<String, PendingDispatch> outbox) {
        if (stored != null) {
            stored.outbox().stream().filter(p -> p.decidedBy(record.partition(), record.offset()))
                    .forEach(p -> outbox.putIfAbsent(p.decisionId(), p));
        }
    }

    static Map<String, PendingDispatch> newOutbox() {
        return new LinkedHashMap<>();
    }
}
