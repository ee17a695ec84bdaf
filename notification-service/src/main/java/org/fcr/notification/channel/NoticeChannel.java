package org.fcr.notification.channel;

import org.fcr.notification.domain.ChannelKind;

import reactor.core.publisher.Mono;

/** One way of delivering a notification; completes when the far side took it, errors otherwise. */
public interface NoticeChannel {

    ChannelKind kind();

    Mono<Void> send(Outgoing message);
}
