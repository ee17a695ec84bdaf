package org.fcr.notification.messaging;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.fcr.events.DispatchDecision;
import org.fcr.events.RequestEvent;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SlaEvent;
import org.fcr.notification.delivery.NotificationIntake;
import org.fcr.notification.domain.Occurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.fcr.support.kafka.KeyedBatch;
import org.springframework.kafka.annotation.KafkaListener;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Consumes the four topics that say something happened. The offset is committed only after the
 * notifications are stored (at least once); a replay stores nothing new. A record that keeps failing
 * goes to its dead-letter topic and consumption goes on (service-support's error handler).
 */
public class EventListeners {

    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(60);
    private static final int CONCURRENCY = 16;

    private final EventTranslator translator;
    private final NotificationIntake intake;

    public EventListeners(EventTranslator translator, NotificationIntake intake) {
        this.translator = translator;
        this.intake = intake;
    }

    /**
     * The busy topics a poll at a time: one request's events in order, different requests side by side
     * ({@link KeyedBatch}); one record at a time waited for every store write in turn (~45 records a second).
     */
    @KafkaListener(topics = "fcr.requests", groupId = "notification-service", containerFactory = "requestsListenerFactory")
    public void onRequests(List<ConsumerRecord<String, RequestEvent>> records) {
        KeyedBatch.handle(records, RequestEvent::getRequestId,
                events -> Flux.fromIterable(events).concatMap(e -> stored(translator.fromRequest(e))).then(),
                CONCURRENCY, BATCH_LIMIT);
    }

    @KafkaListener(topics = "fcr.sla", groupId = "notification-service", containerFactory = "slaListenerFactory")
    public void onSla(List<ConsumerRecord<String, SlaEvent>> records) {
        KeyedBatch.handle(records, SlaEvent::getRequestId,
                events -> Flux.fromIterable(events).concatMap(e -> stored(translator.fromSla(e))).then(),
                CONCURRENCY, BATCH_LIMIT);
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
        stored(occurrences).block(STORE_TIMEOUT);
    }

    private Mono<Long> stored(List<Occurrence> occurrences) {
        return Flux.fromIterable(occurrences).concatMap(intake::accept).reduce(0L, Long::sum)
                .doOnError(e -> log.warn("Could not store the notifications of {}: {}",
                        occurrences.get(0).sourceEventId(), e.toString()))
                .doOnSuccess(stored -> logStored(occurrences, stored));
    }

    private static void logStored(List<Occurrence> occurrences, Long stored) {
        if (!occurrences.isEmpty()) {
            log.debug("{} of {}: {} notifications stored", occurrences.get(0).kind(), occurrences.get(0).sourceEventId(),
                    stored);
        }
    }
}
