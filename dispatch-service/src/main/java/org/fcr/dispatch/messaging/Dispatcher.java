package org.fcr.dispatch.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.DispatchPlanner;
import org.fcr.dispatch.domain.DispatchReason;
import org.fcr.dispatch.domain.Outcome;
import org.fcr.dispatch.domain.RequestRouting;
import org.fcr.dispatch.domain.RoutingQuery;
import org.fcr.dispatch.domain.RoutingRefused;
import org.fcr.dispatch.domain.RoutingTable;
import org.fcr.dispatch.store.ArbitrationStore;
import org.fcr.dispatch.store.RoutingCatalog;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.dispatch.store.RoutingStore;
import org.fcr.dispatch.store.WorkloadStore;
import org.fcr.events.Accepted;
import org.fcr.events.Acknowledged;
import org.fcr.events.Actor;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchRequested;
import org.fcr.events.Forwarded;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.Returned;
import org.fcr.schemas.AvroSerde;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies request events to the routing of their request: dispatch on DISPATCH_REQUESTED, re-route
 * on RETURNED and FORWARDED, call the manager on a ping-pong or ARBITRATION_REQUESTED, keep open
 * work from ACKNOWLEDGED / COMPLETED / CLOSED, and carry out a manager's arbitration. Only events
 * that may move the request read the routing table; events dispatch ignores read nothing. An event already handled changes nothing (its id is remembered in the
 * request's routing document); a concurrent write to the same request is retried from the start.
 */
@Service
public class Dispatcher {

    static final Actor SYSTEM = Actor.newBuilder().setEmployeeId("dispatch-service").setName("自动派单")
            .setRole("SYSTEM").build();
    private static final AvroSerde<RequestEvent> EVENTS = AvroSerde.of(RequestEvent.class);
    /** Events that may send the request somewhere, and events that only update what dispatch remembers. */
    private static final Set<RequestEventType> PLANNED = EnumSet.of(RequestEventType.DISPATCH_REQUESTED,
            RequestEventType.RETURNED, RequestEventType.FORWARDED, RequestEventType.ARBITRATION_REQUESTED);
    private static final Set<RequestEventType> RECORDED = EnumSet.of(RequestEventType.ACCEPTED,
            RequestEventType.REOPENED, RequestEventType.ACKNOWLEDGED, RequestEventType.COMPLETED, RequestEventType.CLOSED);
    private static final Retry ON_CONFLICT = Retry.backoff(8, Duration.ofMillis(20))
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DataIntegrityViolationException);

    private final RoutingCatalog catalog;
    private final RoutingStore routings;
    private final WorkloadStore workloads;
    private final ArbitrationStore arbitrations;
    private final DispatchSender sender;
    private final DispatchProperties properties;

    public Dispatcher(RoutingCatalog catalog, RoutingStore routings, WorkloadStore workloads,
                      ArbitrationStore arbitrations, DispatchSender sender, DispatchProperties properties) {
        this.catalog = catalog;
        this.routings = routings;
        this.workloads = workloads;
        this.arbitrations = arbitrations;
        this.sender = sender;
        this.properties = properties;
    }

    public Mono<Void> handle(RequestEvent event) {
        RequestEventType type = event.getType();
        if (!PLANNED.contains(type) && !RECORDED.contains(type)) {
            return Mono.empty(); // nothing dispatch needs to remember: no read at all
        }
        return Mono.defer(() -> routings.find(event.getRequestId()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(doc -> {
                    RequestRouting state = doc.map(RoutingDocument::toState).orElse(RequestRouting.start(event.getRequestId()));
                    if (state.hasProcessed(event.getEventId())) {
                        // a replay: resend what may not have reached the broker, decide nothing anew
                        return doc.get().pending() == null ? Mono.empty() : sender.deliver(event.getRequestId(), doc.get().pending());
                    }
                    Long version = doc.map(RoutingDocument::version).orElse(null);
                    return PLANNED.contains(type)
                            ? catalog.table(properties.getDesk()).flatMap(table -> plan(event, state, version, table))
                            : record(event, state, version);
                })
                .retryWhen(ON_CONFLICT);
    }

    /** Events that may move the request: planned against the routing table as it is now. */
    private Mono<Void> plan(RequestEvent event, RequestRouting state, Long version, RoutingTable table) {
        DispatchPlanner planner = new DispatchPlanner(table, properties.pingPongPolicy());
        RoutingQuery query = query(event.getContext(), event.getOccurredAt());
        Object payload = event.getPayload();
        Outcome outcome = switch (event.getType()) {
            case DISPATCH_REQUESTED -> planner.onDispatchRequested(state, query,
                    as(payload, DispatchRequested.class).getSuggestedDepartment());
            case RETURNED -> {
                Returned returned = as(payload, Returned.class);
                yield planner.onReturned(state, query, returned.getDepartment(), returned.getSuggestedDepartment());
            }
            case FORWARDED -> {
                Forwarded forwarded = as(payload, Forwarded.class);
                yield planner.onForwarded(state, query, forwarded.getFromDepartment(), forwarded.getToDepartment());
            }
            case ARBITRATION_REQUESTED -> planner.onArbitrationRequested(state);
            default -> throw new IllegalStateException("Not a planned event: " + event.getType());
        };
        RequestRouting next = outcome.state().processed(event.getEventId());
        byte[] lastEvent = EVENTS.toBytes(event);
        if (outcome.plan().isEmpty()) {
            return routings.save(RoutingDocument.of(next, lastEvent, null, version)).then();
        }
        var plan = outcome.plan().get();
        Actor decidedBy = plan.reason() == DispatchReason.MANUAL || plan.reason() == DispatchReason.FORWARDED
                ? event.getActor() : SYSTEM;
        var request = new DispatchSender.Request(next, version, event.getContext(), lastEvent, decidedBy, event.getOccurredAt());
        return sender.send(request, plan, table).then();
    }

    /** Events that only update what dispatch remembers (description, closed, open work per person). */
    private Mono<Void> record(RequestEvent event, RequestRouting state, Long version) {
        String requestId = event.getRequestId();
        String assignee = state.assignee();
        RequestRouting next;
        Mono<Void> workload = Mono.empty();
        switch (event.getType()) {
            case ACCEPTED -> next = state.describedAs(as(event.getPayload(), Accepted.class).getDescription());
            case REOPENED -> next = state.reopened();
            case ACKNOWLEDGED -> {
                String handler = as(event.getPayload(), Acknowledged.class).getHandler().getEmployeeId();
                next = state.assignedTo(handler);
                workload = workloads.move(assignee, handler, requestId);
            }
            case COMPLETED, CLOSED -> {
                next = event.getType() == RequestEventType.CLOSED ? state.closedNow() : state.assignedTo(null);
                workload = workloads.release(assignee, requestId).then(workloads.release(contextHandler(event), requestId));
            }
            default -> throw new IllegalStateException("Not a recorded event: " + event.getType());
        }
        return routings.save(RoutingDocument.of(next.processed(event.getEventId()), EVENTS.toBytes(event), null, version))
                .then(workload);
    }

    /** The manager's ruling on a ping-pong: the department that must act and those that were wrong. */
    public Mono<DispatchDecision> arbitrate(String requestId, String department, List<String> wrongDepartments, Actor manager) {
        return Mono.defer(() -> routings.find(requestId))
                .switchIfEmpty(Mono.error(() -> new RoutingRefused("unknown-request", "Dispatch has never seen request " + requestId)))
                .flatMap(doc -> catalog.table(properties.getDesk()).flatMap(table -> {
                    RequestRouting state = doc.toState();
                    DispatchPlanner planner = new DispatchPlanner(table, properties.pingPongPolicy());
                    var plan = planner.arbitrate(state, department, wrongDepartments).plan().orElseThrow();
                    Instant now = Instant.now();
                    RequestContext context = EVENTS.fromBytes(doc.lastEvent()).getContext();
                    var request = new DispatchSender.Request(state, doc.version(), context, doc.lastEvent(), manager, now);
                    return sender.send(request, plan, table)
                            .flatMap(decision -> arbitrations.decided(requestId, department, plan.wrongDepartments(),
                                    manager.getEmployeeId(), now).thenReturn(decision));
                }))
                .retryWhen(ON_CONFLICT);
    }

    RoutingQuery query(RequestContext context, Instant at) {
        return RoutingQuery.of(context.getCategory().name(), context.getSubcategory(), context.getBuilding(),
                context.getCustomer() == null ? null : context.getCustomer().getUnit(),
                LocalDateTime.ofInstant(at, properties.getZone()));
    }

    private static String contextHandler(RequestEvent event) {
        Actor handler = event.getContext().getHandler();
        return handler == null ? null : handler.getEmployeeId();
    }

    /** A payload of the wrong type is a broken event: fail, so it ends on the dead-letter topic. */
    private static <T> T as(Object payload, Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new IllegalArgumentException("Expected a " + type.getSimpleName() + " payload, got "
                    + (payload == null ? "none" : payload.getClass().getSimpleName()));
        }
        return type.cast(payload);
    }
}
