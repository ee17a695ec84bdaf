package org.fcr.dispatch.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.fcr.dispatch.config.DispatchProperties;
import org.fcr.dispatch.domain.DispatchPlan;
import org.fcr.dispatch.domain.RequestRouting;
import org.fcr.dispatch.domain.RoutingTable;
import org.fcr.dispatch.store.ArbitrationDocument;
import org.fcr.dispatch.store.OnDuty;
import org.fcr.dispatch.store.PendingDispatch;
import org.fcr.events.Actor;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchOrder;
import org.fcr.events.RequestContext;
import org.fcr.schemas.AvroSerde;
import org.fcr.schemas.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a dispatch plan into what is sent: the handler picked (and from now on holding the
 * request), the order and decision encoded for the outbox; and publishes an outbox entry, order and
 * decision together (the producer batches them; nobody waits for one ack before the next send).
 */
@Component
public class DispatchSender {

    static final AvroSerde<DispatchOrder> ORDERS = AvroSerde.of(DispatchOrder.class);
    static final AvroSerde<DispatchDecision> DECISIONS = AvroSerde.of(DispatchDecision.class);

    private final OnDuty onDuty;
    private final DepartmentTopics topics;
    private final KafkaTemplate<byte[], byte[]> producer;
    private final DispatchProperties properties;

    /**
     * The outbox already holds order and decision encoded exactly as the topics' serdes encode them,
     * so they go to the shared idempotent acks=all producer as they are (TopicPublisher would decode
     * and encode them again).
     */
    public DispatchSender(OnDuty onDuty, DepartmentTopics topics,
                          @Qualifier("fcrByteTemplate") KafkaTemplate<byte[], byte[]> producer, DispatchProperties properties) {
        this.onDuty = onDuty;
        this.topics = topics;
        this.producer = producer;
        this.properties = properties;
    }

    /** What one dispatch needs besides the plan: the request as last seen, and who decided. */
    public record Request(RequestRouting state, RequestContext context, Actor decidedBy, Instant at) {
    }

    /** A dispatch decided: the state after it, its outbox entry, and the decision (for the API). */
    public record Prepared(RequestRouting next, PendingDispatch pending, DispatchDecision decision) {
    }

    /** Picks the handler and encodes order and decision; {@code partition}/{@code offset}: the deciding record, if any. */
    public Prepared prepare(Request request, DispatchPlan plan, RoutingTable table, Integer partition, Long offset) {
        String requestId = request.state().requestId();
        LocalDateTime local = LocalDateTime.ofInstant(request.at(), properties.getZone());
        Optional<Actor> handler = plan.fixedHandler() != null
                ? Optional.of(onDuty.actor(plan.fixedHandler(), null, plan.department().code()))
                : onDuty.pickAndHold(plan.department(), local, requestId);
        Actor chosen = handler.orElse(null);
        String handlerId = chosen == null ? null : chosen.getEmployeeId();
        DispatchDecision decision = DispatchMessages.decision(requestId, plan, chosen, request.decidedBy(), request.at());
        byte[] order = plan.sendsOrder() ? ORDERS.toBytes(DispatchMessages.order(requestId, plan, chosen,
                request.context(), describe(request), DispatchMessages.deskContact(table.desk()), request.at())) : null;
        var pending = new PendingDispatch(decision.getDecisionId(), plan.department().code(), order,
                DECISIONS.toBytes(decision), partition, offset);
        return new Prepared(request.state().dispatched(plan, handlerId), pending, decision);
    }

    /**
     * Publishes one outbox entry: order and decision sent together, done when the broker has both.
     * Only a department topic's first creation blocks (admin client), so only it runs on a worker.
     */
    public Mono<Void> deliver(String requestId, PendingDispatch pending) {
        byte[] key = requestId.getBytes(StandardCharsets.UTF_8);
        Mono<Void> decision = send(Topics.DISPATCH_DECISIONS.name(), key, pending.decision());
        if (pending.order() == null) {
            return decision;
        }
        Mono<Void> order = topics.isKnown(pending.department())
                ? send(Topics.dispatchFor(pending.department()).name(), key, pending.order())
                : Mono.fromCallable(() -> topics.ensure(pending.department())).subscribeOn(Schedulers.boundedElastic())
                        .flatMap(topic -> send(topic.name(), key, pending.order()));
        // the order is handed to the producer first (the department can act), the decision right after
        return Mono.when(order, decision);
    }

    private Mono<Void> send(String topic, byte[] key, byte[] value) {
        return Mono.fromFuture(() -> producer.send(new ProducerRecord<>(topic, key, value))).then();
    }

    static ArbitrationDocument arbitration(RequestRouting before, RequestRouting after, RequestContext context, Instant at) {
        return new ArbitrationDocument(after.requestId(), at, context.getCategory().name(), after.description(),
                after.departmentsInvolved(), after.returnedBy(), after.returnCount(), before.currentDepartment(),
                false, null, null, null, null);
    }

    private static String describe(Request request) {
        String description = request.state().description();
        return description != null ? description : "（详见受理记录 / see the accepted request " + request.state().requestId() + "）";
    }
}
