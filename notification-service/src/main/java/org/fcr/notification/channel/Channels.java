package org.fcr.notification.channel;

import java.util.Map;

import org.fcr.notification.domain.ChannelKind;

/** The channels switched on in this deployment; a channel missing here is off. */
public record Channels(Map<ChannelKind, NoticeChannel> byKind) {

    public Channels {
        byKind = Map.copyOf(byKind);
    }
}
