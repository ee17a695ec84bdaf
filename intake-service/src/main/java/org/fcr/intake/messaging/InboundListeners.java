package org.fcr.intake.messaging;

import java.time.Duration;

import org.fcr.events.DispatchDecision;
import org.fcr.events.SlaEvent;
import org.fcr.intake.domain.DispatchInbound;
import org.fcr.intake.store.DeadlineBoard;
import org.fcr.schemas.Topics;
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
 */
@Component
public class InboundListeners {

    private static final Logger log = LoggerFactory.getLogger(InboundListeners.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final RequestWorkflow workflow;
    private final DeadlineBoard deadlines;

    public InboundListeners(RequestWorkflow workflow, DeadlineBoard deadlines) {
        this.workflow = workflow;
        this.deadlines = deadlines;
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, DispatchDecision> decisionsListenerFactory(ListenerFactories f) {
        return f.forTopic(Topics.DISPATCH_DECISIONS);
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, SlaEvent> slaListenerFactory(ListenerFactories f) {
        return f.forTopic(Topics.SLA);
    }

    @KafkaListener(topics = "fcr.dispatch.decisions", groupId = "intake-service",
            containerFactory = "decisionsListenerFactory")
    public void onDecision(DispatchDecision decision) {
        // an unknown request fails here, is retried, and ends on the dead-letter topic for a person to see
        workflow.execute(decision.getRequestId(), null,
                        state -> DispatchInbound.dispatched(state, decision, RequestWorkflow.now()))
                .block(WRITE_TIMEOUT);
    }

    @KafkaListener(topics = "fcr.sla", groupId = "intake-service", containerFactory = "slaListenerFactory")
    public void onSla(SlaEvent event) {
        Boolean known = deadlines.record(event).block(WRITE_TIMEOUT);
        if (!Boolean.TRUE.equals(known)) {
            log.warn("SLA event {} for unknown request {}", event.getEventId(), event.getRequestId());
        }
    }
}
