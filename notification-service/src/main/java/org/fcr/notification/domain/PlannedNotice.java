package org.fcr.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * A notification decided and rendered, ready to be stored: PENDING with the time it may first go,
 * or SUPPRESSED with the reason it never will.
 *
 * @param address  where the channel delivers (e-mail, robot URL, phone for SMS, person id in-app)
 * @param mentions for a group robot: everyone the message concerns
 */
public record PlannedNotice(
        String id,
        String sourceEventId,
        NoticeKind kind,
        String requestId,
        Audience audience,
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
        String reason,
        Instant dueAt,
        Instant occurredAt) {

    public PlannedNotice {
        mentions = List.copyOf(mentions);
    }
}
