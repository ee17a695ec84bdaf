package org.fcr.notification.messaging;

import java.time.Duration;
import java.util.List;

import org.fcr.events.DispatchDecision;
import org.fcr.events.RequestEvent;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SlaEvent;
import org.fcr.notification.delivery.NotificationIntake;
import org.fcr.notification.domain.Occurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import reactor.core.publisher.Flux;

/**
 * Consumes the four topics that say something happened. The offset is committed only after the
 * notifications are stored (at least once); a replay stores nothing new. A record that keeps failing
 * goes to its dead-letter topic and consumption goes on (service-support's error handler).
 */
public class EventListeners {

    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final EventTranslator translator;
    private final NotificationIntake intake;

    public EventListeners(EventTranslator translator, NotificationIntake intake) {
        this.translator = translator;
        this.intake = intake;
    }

    @KafkaListener(topics = "fcr.requests", groupId = "notification-service", containerFactory = "requestsListenerFactory")
    public void onRequest(RequestEvent event) {
        store(translator.fromRequest(event));
    }

    @KafkaListener(topics = "fcr.sla", groupId = "notification-service", containerFactory = "slaListenerFactory")
    public void onSla(SlaEvent event) {
        store(translator.fromSla(event));
    }

    @KafkaListener(topics = "fcr.scores", groupId = "notification-service", containerFactory = "scoresListenerFactory")
    public void onScore(ScoreEntry entry) {
        store(translator.fromScore(entry));
    }

    @KafkaListener(topics = "fcr.dispatch.decisions", groupId = "notification-service",
            containerFactory = "decisionsListenerFactory")
    public void onDecision(DispatchDecision decision) {
        store(translator.fromDecision(decision));
    }

    private void store(List<Occurrence> occurrences) {
        Long stored = Flux.fromIterable(occurrences).concatMap(intake::accept).reduce(0L, Long::sum)
                .doOnError(e -> log.warn("Could not store the notifications of {}: {}",
                        occurrences.get(0).sourceEventId(), e.toString()))
                .block(STORE_TIMEOUT);
        if (!occurrences.isEmpty()) {
            log.debug("{} of {}: {} notifications stored", occurrences.get(0).kind(), occurrences.get(0).sourceEventId(),
                    stored);
        }
    }
}
