package org.fcr.notification.channel;

import java.util.List;

import org.fcr.notification.store.NotificationDocument;

/** What a channel needs to deliver one notification. */
public record Outgoing(String id, String requestId, String recipientId, String recipientName, String address,
                       List<String> mentions, String subject, String body, boolean urgent) {

    public static Outgoing of(NotificationDocument doc) {
        return new Outgoing(doc.id(), doc.requestId(), doc.recipientId(), doc.recipientName(), doc.address(),
                doc.mentions() == null ? List.of() : doc.mentions(), doc.subject(), doc.body(), doc.urgent());
    }
}
