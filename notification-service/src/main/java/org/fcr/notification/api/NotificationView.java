package org.fcr.notification.api;

import java.time.Instant;
import java.util.List;

import org.fcr.notification.domain.PhoneMask;
import org.fcr.notification.store.NotificationDocument;

/** A notification as the API shows it: the customer's phone masked, like everywhere but the SMS gateway. */
public record NotificationView(
        String notificationId,
        String sourceEventId,
        String kind,
        String requestId,
        String recipientRole,
        String recipientId,
        String recipientName,
        String channel,
        String address,
        List<String> mentions,
        String template,
        String locale,
        String subject,
        String body,
        boolean urgent,
        boolean drill,
        String status,
        int attempts,
        int resends,
        String lastError,
        String reason,
        Instant occurredAt,
        Instant createdAt,
        Instant dueAt,
        Instant sentAt,
        Instant updatedAt) {

    public static NotificationView of(NotificationDocument d) {
        return new NotificationView(d.id(), d.sourceEventId(), d.kind().name(), d.requestId(), d.recipientRole().name(),
                d.recipientId(), d.recipientName(), d.channel().name(), PhoneMask.maskAddress(d.channel(), d.address()),
                d.mentions() == null ? List.of() : d.mentions(), d.template(), d.locale(), d.subject(), d.body(),
                d.urgent(), d.drill(), d.status().name(), d.attempts(), d.resends(), d.lastError(), d.reason(),
                d.occurredAt(), d.createdAt(), d.dueAt(), d.sentAt(), d.updatedAt());
    }
}
