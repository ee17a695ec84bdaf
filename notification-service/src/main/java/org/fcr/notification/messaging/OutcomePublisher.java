package org.fcr.notification.messaging;

import java.time.Clock;

import org.fcr.events.DeliveryStatus;
import org.fcr.events.Notification;
import org.fcr.events.NotificationChannel;
import org.fcr.notification.store.NotificationDocument;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;

import reactor.core.publisher.Mono;

/**
 * Each delivery outcome (sent, failed, given up, suppressed) on {@code fcr.notifications}, keyed by
 * recipient. Texts are already masked; the address is never published.
 */
public class OutcomePublisher {

    private final TopicPublisher publisher;
    private final Clock clock;

    public OutcomePublisher(TopicPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mono<Void> publish(NotificationDocument doc) {
        Notification event = Notification.newBuilder()
                .setNotificationId(doc.id())
                .setSourceEventId(doc.sourceEventId())
                .setRequestId(doc.requestId())
                .setRecipientRole(doc.recipientRole().name())
                .setRecipientId(doc.recipientId())
                .setRecipientName(doc.recipientName())
                .setChannel(NotificationChannel.valueOf(doc.channel().name()))
                .setTemplateKey(doc.template())
                .setLocale(doc.locale())
                .setSubject(doc.subject())
                .setBody(doc.body())
                .setStatus(DeliveryStatus.valueOf(doc.status().name()))
                .setAttempts(doc.attempts())
                .setUrgent(doc.urgent())
                .setOccurredAt(clock.instant())
                .setDrill(doc.drill())
                .build();
        // TopicPublisher completes off the producer's network thread, so chaining on it is safe
        return Mono.fromFuture(() -> publisher.publish(Topics.NOTIFICATIONS, doc.recipientId(), event)).then();
    }
}
