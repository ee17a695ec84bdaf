package org.fcr.dispatch.messaging;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.DispatchPlanner;
import org.fcr.dispatch.domain.DispatchReason;
import org.fcr.dispatch.domain.Outcome;
import org.fcr.dispatch.domain.RequestRouting;
import org.fcr.dispatch.domain.RoutingQuery;
import org.fcr.dispatch.domain.RoutingTable;
import org.fcr.dispatch.store.ArbitrationDocument;
import org.fcr.dispatch.store.OpenWork;
import org.fcr.dispatch.store.PendingDispatch;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.events.Accepted;
import org.fcr.events.Acknowledged;
import org.fcr.events.Actor;
import org.fcr.events.DispatchRequested;
import org.fcr.events.Forwarded;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.Returned;
import org.fcr.schemas.AvroSerde;
import org.springframework.stereotype.Component;

import static org.fcr.dispatch.messaging.RequestTransition.as;

/**
 * Applies the events of one request, in order, to its routing state: dispatch on
 * DISPATCH_REQUESTED, re-route on RETURNED and FORWARDED, call the manager on a ping-pong or
 * ARBITRATION_REQUESTED, remember the description (ACCEPTED) and who holds the request
 * (ACKNOWLEDGED / COMPLETED / CLOSED). An event already handled (its id is in the state) decides
 * nothing; the outbox entries its own record decided are sent again. Reads and writes nothing:
 * the caller reads the state once and writes the result once.
 */
@Component
public class Transitions {

    static final Actor SYSTEM = Actor.newBuilder().setEmployeeId("dispatch-service").setName("自动派单")
            .setRole("SYSTEM").build();
    private static final AvroSerde<RequestEvent> EVENTS = AvroSerde.of(RequestEvent.class);

    private final DispatchSender sender;
    private final OpenWork openWork;
    private final DispatchProperties properties;

    public Transitions(DispatchSender sender, OpenWork openWork, DispatchProperties properties) {
        this.sender = sender;
        this.openWork = openWork;
        this.properties = properties;
    }

    RequestTransition fold(String requestId, RoutingDocument stored, List<RequestTransition.Positioned> events, RoutingTable table) {
        RequestRouting state = stored == null ? RequestRouting.start(requestId) : stored.toState();
        Long version = stored == null ? null : stored.version();
        byte[] lastEvent = stored == null ? null : stored.lastEvent();
        Map<String, PendingDispatch> outbox = RequestTransition.newOutbox();
        List<ArbitrationDocument> arbitrations = new ArrayList<>();
        boolean changed = false;
        RequestEvent last = null;
        for (RequestTransition.Positioned record : events) {
            RequestEvent event = record.event();
            if (state.hasProcessed(event.getEventId())) {
                RequestTransition.resend(stored, record, outbox);
                continue;
            }
            try {
                state = apply(state, event, record, table, outbox, arbitrations);
            } catch (RuntimeException e) {
                return new RequestTransition(state, version, last == null ? lastEvent : EVENTS.toBytes(last), changed,
                        List.copyOf(outbox.values()), arbitrations, record.index(), e);
            }
            last = event;
            changed = true;
        }
        // only the last event applied is kept (encoded once)
        return new RequestTransition(state, version, last == null ? lastEvent : EVENTS.toBytes(last), changed,
                List.copyOf(outbox.values()), arbitrations, -1, null);
    }

    private RequestRouting apply(RequestRouting state, RequestEvent event, RequestTransition.Positioned record,
                                 RoutingTable table, Map<String, PendingDispatch> outbox, List<ArbitrationDocument> arbitrations) {
        String requestId = event.getRequestId();
        Object payload = event.getPayload();
        DispatchPlanner planner = new DispatchPlanner(table, properties.pingPongPolicy());
        Outcome outcome = switch (event.getType()) {
            case DISPATCH_REQUESTED -> planner.onDispatchRequested(state, query(event.getContext(), event),
                    as(payload, DispatchRequested.class).getSuggestedDepartment());
            case RETURNED -> {
                Returned returned = as(payload, Returned.class);
                yield planner.onReturned(state, query(event.getContext(), event), returned.getDepartment(), returned.getSuggestedDepartment());
            }
            case FORWARDED -> {
                Forwarded forwarded = as(payload, Forwarded.class);
                yield planner.onForwarded(state, query(event.getContext(), event), forwarded.getFromDepartment(), forwarded.getToDepartment());
            }
            case ARBITRATION_REQUESTED -> planner.onArbitrationRequested(state);
            default -> null;
        };
        if (outcome == null) {
            return recorded(state, event).processed(event.getEventId());
        }
        RequestRouting next = outcome.state().processed(event.getEventId());
        if (outcome.plan().isEmpty()) {
            return next;
        }
        var plan = outcome.plan().get();
        Actor decidedBy = plan.reason() == DispatchReason.MANUAL || plan.reason() == DispatchReason.FORWARDED
                ? event.getActor() : SYSTEM;
        var request = new DispatchSender.Request(next, event.getContext(), decidedBy, event.getOccurredAt());
        var prepared = sender.prepare(request, plan, table, record.partition(), record.offset());
        outbox.put(prepared.pending().decisionId(), prepared.pending());
        if (plan.arbitrationRequired()) {
            arbitrations.add(DispatchSender.arbitration(next, prepared.next(), event.getContext(), event.getOccurredAt()));
        }
        return prepared.next();
    }

    /** Events that only update what dispatch remembers (description, closed, who holds the request). */
    private RequestRouting recorded(RequestRouting state, RequestEvent event) {
        String requestId = event.getRequestId();
        return switch (event.getType()) {
            case ACCEPTED -> state.describedAs(as(event.getPayload(), Accepted.class).getDescription());
            case REOPENED -> state.reopened();
            case ACKNOWLEDGED -> {
                String handler = as(event.getPayload(), Acknowledged.class).getHandler().getEmployeeId();
                openWork.hold(requestId, handler);
                yield state.assignedTo(handler);
            }
            case COMPLETED, CLOSED -> {
                openWork.release(requestId);
                yield event.getType() == org.fcr.events.RequestEventType.CLOSED ? state.closedNow() : state.assignedTo(null);
            }
            default -> throw new IllegalStateException("Not an event dispatch records: " + event.getType());
        };
    }

    RoutingQuery query(RequestContext context, RequestEvent event) {
        return RoutingQuery.of(context.getCategory().name(), context.getSubcategory(), context.getBuilding(),
                context.getCustomer() == null ? null : context.getCustomer().getUnit(),
                LocalDateTime.ofInstant(event.getOccurredAt(), properties.getZone()));
    }
}
