package org.fcr.notification.store;

import java.time.Instant;
import java.util.List;

import org.fcr.notification.domain.Audience;
import org.fcr.notification.domain.ChannelKind;
import org.fcr.notification.domain.DeliveryStatus;
import org.fcr.notification.domain.NoticeKind;
import org.fcr.notification.domain.PlannedNotice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification and its delivery state. The id is deterministic (event + kind + recipient +
 * channel), so inserting it again is refused and a replay notifies nobody twice. {@code address}
 * keeps the SMS phone in full because retries need it; it never leaves the service unmasked.
 */
@Document(NotificationDocument.COLLECTION)
public record NotificationDocument(
        @Id String id,
        String sourceEventId,
        NoticeKind kind,
        String requestId,
        Audience recipientRole,
        String recipientId,
        String recipientName,
        ChannelKind channel,
        String address,
        List<String> mentions,
        String template,
        String locale,
        String subject,
        String body,
        boolean urgent,
        boolean drill,
        DeliveryStatus status,
        int attempts,
        int resends,
        String lastError,
        String reason,
        Instant occurredAt,
        Instant createdAt,
        Instant dueAt,
        Instant sentAt,
        Instant updatedAt,
        Instant leaseUntil) {

    public static final String COLLECTION = "notifications";

    public static NotificationDocument from(PlannedNotice n, Instant now) {
        return new NotificationDocument(n.id(), n.sourceEventId(), n.kind(), n.requestId(), n.audience(),
                n.recipientId(), n.recipientName(), n.channel(), n.address(), n.mentions(), n.template(), n.locale(),
                n.subject(), n.body(), n.urgent(), n.drill(), n.status(), 0, 0, null, n.reason(), n.occurredAt(), now,
                n.dueAt(), null, now, null);
    }
}
