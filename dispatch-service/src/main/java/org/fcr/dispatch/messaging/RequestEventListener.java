package org.fcr.dispatch.messaging;

import java.time.Duration;

import org.fcr.events.RequestEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the request timeline. Each event is handled to the end (state written, order and decision
 * acknowledged by the broker) before its offset is committed; an event that keeps failing goes to
 * {@code fcr.requests.DLT} through the shared error handler, and dispatching goes on.
 */
@Component
public class RequestEventListener {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final Dispatcher dispatcher;

    public RequestEventListener(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = "fcr.requests", groupId = "${spring.application.name}",
            containerFactory = "requestsListenerFactory", autoStartup = "${fcr.dispatch.consume:true}")
    public void onEvent(RequestEvent event) {
        dispatcher.handle(event).block(LIMIT);
    }
}
