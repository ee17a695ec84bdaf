package org.fcr.intake.messaging;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fcr.events.DispatchDecision;
import org.fcr.events.SlaEvent;
import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.domain.DispatchInbound;
import org.fcr.intake.store.DeadlineBoard;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.KeyedBatch;
import org.fcr.support.kafka.ListenerFactories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

/**
 * What comes back into intake: dispatch decisions become DISPATCHED on the request's timeline
 * (once per decision id), and sla-monitor's clocks become the deadlines shown with each request.
 * Both are read a poll at a time ({@link KeyedBatch}): a request's records of one poll make one
 * write, and the requests of a poll are written {@code fcr.intake.inbound-concurrency} at once.
 */
@Component
public class InboundListeners {

    private static final Logger log = LoggerFactory.getLogger(InboundListeners.class);
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(30);

    private final RequestWorkflow workflow;
    private final DeadlineBoard deadlines;
    private final int concurrency;

    public InboundListeners(RequestWorkflow workflow, DeadlineBoard deadlines, IntakeProperties properties) {
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.concurrency = properties.inboundConcurrency();
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, DispatchDecision> decisionsListenerFactory(ListenerFactories f) {
        return f.forBatchesOf(Topics.DISPATCH_DECISIONS);
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, SlaEvent> slaListenerFactory(ListenerFactories f) {
        return f.forBatchesOf(Topics.SLA);
    }

    @KafkaListener(topics = "fcr.dispatch.decisions", groupId = "intake-service",
            containerFactory = "decisionsListenerFactory")
    public void onDecisions(List<ConsumerRecord<String, DispatchDecision>> records) {
        // an unknown request fails its records, which are retried and end on the dead-letter topic for a person to see
        KeyedBatch.handle(records, DispatchDecision::getRequestId,
                decisions -> workflow.execute(decisions.get(0).getRequestId(), null,
                        state -> DispatchInbound.dispatchedInOrder(state, decisions, RequestWorkflow.now())),
                concurrency, BATCH_LIMIT);
    }

    @KafkaListener(topics = "fcr.sla", groupId = "intake-service", containerFactory = "slaListenerFactory")
    public void onSla(List<ConsumerRecord<String, SlaEvent>> records) {
        KeyedBatch.handle(records, SlaEvent::getRequestId, events -> {
            String requestId = events.get(0).getRequestId();
            return deadlines.record(requestId, events).doOnNext(known -> {
                if (!known) {
                    log.warn("{} SLA event(s) for unknown request {}", events.size(), requestId);
                }
            });
        }, concurrency, BATCH_LIMIT);
    }
}
