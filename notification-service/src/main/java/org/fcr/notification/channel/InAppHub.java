package org.fcr.notification.channel;

import java.time.Instant;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live in-app notices of this instance, for the per-person SSE streams. Best effort: a person not
 * connected finds the notice in the inbox (the delivery log) instead.
 */
public class InAppHub {

    /** What a signed-in person sees arrive. */
    public record InAppNotice(String notificationId, String requestId, String recipientId, String subject,
                              String body, boolean urgent, Instant at) {
    }

    private static final int BUFFERED = 256;

    private final Sinks.Many<InAppNotice> sink = Sinks.many().multicast().directBestEffort();

    public void publish(InAppNotice notice) {
        sink.tryEmitNext(notice);
    }

    /**
     * A person's notices as they come. The sink drops a notice for a subscriber without demand, and an SSE
     * writer has none while it flushes the previous event: each stream keeps up to {@code BUFFERED} of its
     * own notices (then the oldest go) instead, so a notice sent just as the page connects is not lost.
     */
    public Flux<InAppNotice> streamFor(String personId) {
        return sink.asFlux().filter(n -> n.recipientId().equals(personId))
                .onBackpressureBuffer(BUFFERED, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST);
    }
}
