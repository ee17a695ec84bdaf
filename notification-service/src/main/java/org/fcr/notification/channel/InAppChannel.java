package org.fcr.notification.channel;

import java.time.Clock;

import org.fcr.notification.domain.ChannelKind;

import reactor.core.publisher.Mono;

/** In-app: stored in the person's inbox (the log) and pushed to their open streams. */
public class InAppChannel implements NoticeChannel {

    private final InAppHub hub;
    private final Clock clock;

    public InAppChannel(InAppHub hub, Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.IN_APP;
    }

    @Override
    public Mono<Void> send(Outgoing m) {
        return Mono.fromRunnable(() -> hub.publish(new InAppHub.InAppNotice(m.id(), m.requestId(), m.address(),
                m.subject(), m.body(), m.urgent(), clock.instant())));
    }
}
