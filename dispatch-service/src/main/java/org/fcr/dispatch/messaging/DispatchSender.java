package org.fcr.dispatch.messaging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.DispatchPlan;
import org.fcr.dispatch.domain.RequestRouting;
import org.fcr.dispatch.domain.RoutingTable;
import org.fcr.dispatch.store.ArbitrationDocument;
import org.fcr.dispatch.store.ArbitrationStore;
import org.fcr.dispatch.store.OnDuty;
import org.fcr.dispatch.store.PendingDispatch;
import org.fcr.dispatch.store.RoutingDocument;
import org.fcr.dispatch.store.RoutingStore;
import org.fcr.dispatch.store.WorkloadStore;
import org.fcr.events.Actor;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchOrder;
import org.fcr.events.RequestContext;
import org.fcr.schemas.AvroSerde;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Carries out a dispatch plan: picks the handler, writes the new routing state together with the
 * outbox (order + decision) in one document write, then publishes the order to the department's
 * topic and the decision, and clears the outbox. A crash in between leaves the outbox, which the
 * replayed event sends again with the same ids.
 */
@Component
public class DispatchSender {

    private static final AvroSerde<DispatchOrder> ORDERS = AvroSerde.of(DispatchOrder.class);
    private static final AvroSerde<DispatchDecision> DECISIONS = AvroSerde.of(DispatchDecision.class);

    private final RoutingStore routings;
    private final WorkloadStore workloads;
    private final ArbitrationStore arbitrations;
    private final OnDuty onDuty;
    private final DepartmentTopics topics;
    private final TopicPublisher publisher;
    private final DispatchProperties properties;

    public DispatchSender(RoutingStore routings, WorkloadStore workloads, ArbitrationStore arbitrations, OnDuty onDuty,
                          DepartmentTopics topics, TopicPublisher publisher, DispatchProperties properties) {
        this.routings = routings;
        this.workloads = workloads;
        this.arbitrations = arbitrations;
        this.onDuty = onDuty;
        this.topics = topics;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** What one dispatch needs besides the plan: the request as last seen, and who decided. */
    public record Request(RequestRouting state, Long version, RequestContext context, byte[] lastEvent,
                          Actor decidedBy, Instant at) {
    }

    public Mono<DispatchDecision> send(Request request, DispatchPlan plan, RoutingTable table) {
        String requestId = request.state().requestId();
        LocalDateTime local = LocalDateTime.ofInstant(request.at(), properties.getZone());
        return handler(plan, local).flatMap(handler -> {
            Actor chosen = handler.orElse(null);
            String handlerId = chosen == null ? null : chosen.getEmployeeId();
            DispatchDecision decision = DispatchMessages.decision(requestId, plan, chosen, request.decidedBy(), request.at());
            byte[] order = plan.sendsOrder() ? ORDERS.toBytes(DispatchMessages.order(requestId, plan, chosen,
                    request.context(), describe(request), DispatchMessages.deskContact(table.desk()), request.at())) : null;
            var pending = new PendingDispatch(decision.getDecisionId(), plan.department().code(), order, DECISIONS.toBytes(decision));
            RequestRouting next = request.state().dispatched(plan, handlerId);
            return routings.save(RoutingDocument.of(next, request.lastEvent(), pending, request.version()))
                    .then(workloads.move(request.state().assignee(), handlerId, requestId))
                    .then(plan.arbitrationRequired() ? openArbitration(next, request) : Mono.empty())
                    .then(deliver(requestId, pending))
                    .thenReturn(decision);
        });
    }

    /**
     * Publishes an outbox: the order first (the department can act), then the decision. Only the
     * topic creation blocks (admin client), so only it runs on a worker thread; the publisher's
     * futures complete off the producer thread, so the next send may follow directly.
     */
    public Mono<Void> deliver(String requestId, PendingDispatch pending) {
        Mono<?> order = pending.order() == null ? Mono.empty()
                : Mono.fromCallable(() -> topics.ensure(pending.department()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(topic -> Mono.fromFuture(() -> publisher.publish(topic, requestId, ORDERS.fromBytes(pending.order()))));
        return order
                .then(Mono.fromFuture(() -> publisher.publish(Topics.DISPATCH_DECISIONS, requestId, DECISIONS.fromBytes(pending.decision()))))
                .then(routings.sent(requestId, pending.decisionId()));
    }

    private Mono<Optional<Actor>> handler(DispatchPlan plan, LocalDateTime at) {
        if (plan.fixedHandler() != null) {
            return Mono.just(Optional.of(onDuty.actor(plan.fixedHandler(), null, plan.department().code())));
        }
        return onDuty.pick(plan.department(), at);
    }

    private Mono<Void> openArbitration(RequestRouting state, Request request) {
        return arbitrations.open(new ArbitrationDocument(state.requestId(), request.at(),
                request.context().getCategory().name(), state.description(), state.departmentsInvolved(),
                state.returnedBy(), state.returnCount(), request.state().currentDepartment(),
                false, null, null, null, null));
    }

    private static String describe(Request request) {
        String description = request.state().description();
        return description != null ? description : "（详见受理记录 / see the accepted request " + request.state().requestId() + "）";
    }
}
