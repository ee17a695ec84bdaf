package org.fcr.intake.messaging;

import java.util.List;

import org.fcr.events.RequestEvent;
import org.fcr.intake.config.IntakeProperties;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes a request's events on fcr.requests in sequence order (one producer, sent in order, so
 * the broker keeps the order per request) and completes when the broker acknowledged them all.
 */
@Component
public class EventRelay {

    private final TopicPublisher publisher;
    private final IntakeProperties properties;

    public EventRelay(TopicPublisher publisher, IntakeProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Publishes within fcr.intake.publish-timeout: a caller is waiting. */
    public Mono<Void> publish(List<RequestEvent> events) {
        return publish(events, properties.publishTimeout());
    }

    public Mono<Void> publish(List<RequestEvent> events, java.time.Duration timeout) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        // send() can block while the broker is unreachable (max.block.ms): never on an event-loop thread
        return Mono.fromCallable(() -> publisher.publishAll(Topics.REQUESTS, RequestEvent::getRequestId, events))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(timeout)
                .then();
    }
}
