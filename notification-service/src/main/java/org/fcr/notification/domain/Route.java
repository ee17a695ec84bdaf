package org.fcr.notification.domain;

import java.util.List;

/** One line of a rule: this audience, by these channels. */
public record Route(Audience audience, List<ChannelKind> channels) {

    public Route {
        channels = List.copyOf(channels);
    }
}
