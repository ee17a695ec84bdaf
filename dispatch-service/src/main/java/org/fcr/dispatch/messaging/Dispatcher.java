package org.fcr.dispatch.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.DispatchPlanner;
import org.fcr.dispatch.domain.RequestRouting;
import org.fcr.dispatch.domain.RoutingRefused;
import org.fcr.dispatch.store.ArbitrationStore;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.dispatch.store.RoutingStore;
import org.fcr.dispatch.store.RoutingTables;
import org.fcr.events.Actor;
import org.fcr.events.DispatchDecision;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.AvroSerde;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Carries out a manager's arbitration of a ping-pong: the new state and its outbox in one write,
 * then order and decision sent, then the outbox cleared (a ruling has no record to replay). Request
 * events are dispatched by {@link BatchDispatcher}; a concurrent write to the same request is
 * retried from the start.
 */
@Service
public class Dispatcher {

    static final Actor SYSTEM = Transitions.SYSTEM;
    private static final AvroSerde<RequestEvent> EVENTS = AvroSerde.of(RequestEvent.class);
    private static final Retry ON_CONFLICT = Retry.backoff(8, Duration.ofMillis(20))
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DataIntegrityViolationException);

    private final RoutingTables tables;
    private final RoutingStore routings;
    private final ArbitrationStore arbitrations;
    private final DispatchSender sender;
    private final DispatchProperties properties;

    public Dispatcher(RoutingTables tables, RoutingStore routings, ArbitrationStore arbitrations, DispatchSender sender,
                      DispatchProperties properties) {
        this.tables = tables;
        this.routings = routings;
        this.arbitrations = arbitrations;
        this.sender = sender;
        this.properties = properties;
    }

    /** The manager's ruling on a ping-pong: the department that must act and those that were wrong. */
    public Mono<DispatchDecision> arbitrate(String requestId, String department, List<String> wrongDepartments, Actor manager) {
        return Mono.defer(() -> routings.find(requestId))
                .switchIfEmpty(Mono.error(() -> new RoutingRefused("unknown-request", "Dispatch has never seen request " + requestId)))
                .flatMap(doc -> tables.table().flatMap(table -> {
                    RequestRouting state = doc.toState();
                    DispatchPlanner planner = new DispatchPlanner(table, properties.pingPongPolicy());
                    var plan = planner.arbitrate(state, department, wrongDepartments).plan().orElseThrow();
                    Instant now = Instant.now();
                    RequestContext context = EVENTS.fromBytes(doc.lastEvent()).getContext();
                    var prepared = sender.prepare(new DispatchSender.Request(state, context, manager, now), plan, table, null, null);
                    var pending = prepared.pending();
                    return routings.save(RoutingDocument.of(prepared.next(), doc.lastEvent(), List.of(pending), doc.version()))
                            .then(sender.deliver(requestId, pending))
                            .then(routings.sent(requestId, pending.decisionId()))
                            .then(arbitrations.decided(requestId, department, plan.wrongDepartments(), manager.getEmployeeId(), now))
                            .thenReturn(prepared.decision());
                }))
                .retryWhen(ON_CONFLICT);
    }
}
