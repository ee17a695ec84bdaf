package org.fcr.notification.domain;

import java.util.Locale;

/**
 * Deterministic notification id: source event + kind + recipient + channel, so a replayed event
 * maps onto the notification it already produced and never notifies twice. Dots and dollars are
 * replaced because the id is also a field name in the pending index.
 */
public final class NotificationId {

    private NotificationId() {
    }

    public static String of(String sourceEventId, NoticeKind kind, String recipientId, ChannelKind channel) {
        return clean(sourceEventId) + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + clean(recipientId)
                + ":" + channel.name().toLowerCase(Locale.ROOT);
    }

    private static String clean(String part) {
        return part.replace('.', '_').replace('$', '_');
    }
}
