package org.fcr.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

import org.fcr.notification.channel.NoticeChannel;
import org.fcr.notification.channel.Outgoing;
import org.fcr.notification.domain.ChannelKind;
import org.fcr.notification.domain.RetryPolicy;
import org.fcr.notification.messaging.OutcomePublisher;
import org.fcr.notification.store.NotificationDocument;
import org.fcr.notification.store.NotificationStore;
import org.fcr.notification.store.PendingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One tick of delivery: read the pending index, claim what is due, send it through its channel and
 * record the outcome — sent; failed and due again after an exponential backoff; or given up after
 * the last attempt. Channels are worked in parallel, each with a send timeout, so a channel that
 * is down delays only its own notifications.
 */
public class DeliveryLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final int PER_CHANNEL_CONCURRENCY = 4;

    private final NotificationStore store;
    private final PendingIndex pending;
    private final Map<ChannelKind, NoticeChannel> channels;
    private final RetryPolicy retry;
    private final OutcomePublisher outcomes;
    private final Clock clock;
    private final int batch;
    private final Duration lease;
    private final Duration sendTimeout;

    public DeliveryLoop(NotificationStore store, PendingIndex pending, Map<ChannelKind, NoticeChannel> channels,
                        RetryPolicy retry, OutcomePublisher outcomes, Clock clock, int batch, Duration lease,
                        Duration sendTimeout) {
        this.store = store;
        this.pending = pending;
        this.channels = Map.copyOf(channels);
        this.retry = retry;
        this.outcomes = outcomes;
        this.clock = clock;
        this.batch = batch;
        this.lease = lease;
        this.sendTimeout = sendTimeout;
    }

    /** Works through what is due now; completes with the number of notifications attempted. */
    public Mono<Long> tick() {
        return tick(null);
    }

    /** Works through what is due now on one channel ({@code null}: every channel). */
    public Mono<Long> tick(ChannelKind only) {
        Instant now = clock.instant();
        return pending.entries()
                .flatMapMany(entries -> Flux.fromIterable(entries.entrySet()))
                .filter(e -> !e.getValue().isAfter(now))
                .filter(e -> only == null || channelOf(e.getKey()) == only)
                .sort(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .take(batch)
                .groupBy(e -> channelOf(e.getKey()))
                .flatMap(byChannel -> byChannel.flatMap(e -> attempt(e.getKey(), e.getValue(), now),
                                PER_CHANNEL_CONCURRENCY),
                        ChannelKind.values().length + 1)
                .count();
    }

    private Mono<Boolean> attempt(String id, Instant pointedDue, Instant now) {
        return store.claim(id, now, lease)
                .flatMap(doc -> send(doc).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> reconcile(id, pointedDue, now)).thenReturn(false))
                .onErrorResume(e -> {
                    log.warn("Delivery of {} could not be recorded: {}", id, e.toString());
                    return Mono.just(false);
                });
    }

    private Mono<Void> send(NotificationDocument doc) {
        NoticeChannel channel = channels.get(doc.channel());
        Mono<Void> delivery = channel == null
                ? Mono.error(new IllegalStateException("channel " + doc.channel() + " is off"))
                : Mono.defer(() -> channel.send(Outgoing.of(doc))).timeout(sendTimeout);
        return delivery
                .then(Mono.defer(() -> store.markSent(doc.id(), clock.instant())))
                .flatMap(sent -> pending.remove(doc.id()).then(outcomes.publish(sent)))
                .onErrorResume(e -> failed(doc, describe(e)));
    }

    private Mono<Void> failed(NotificationDocument doc, String error) {
        Instant now = clock.instant();
        return retry.nextDelay(doc.attempts() + 1)
                .map(delay -> pending.put(doc.id(), now.plus(delay))
                        .then(store.markFailed(doc.id(), error, now.plus(delay), now)))
                .orElseGet(() -> store.markGivenUp(doc.id(), error, now)
                        .doOnNext(given -> log.warn("Gave up {} after {} attempts: {}", given.id(), given.attempts(),
                                error))
                        .flatMap(given -> pending.remove(doc.id()).thenReturn(given)))
                .flatMap(outcomes::publish);
    }

    /** Not claimable: closed (drop the pointer), not yet due (move it), leased (leave it), or gone. */
    private Mono<Void> reconcile(String id, Instant pointedDue, Instant now) {
        return store.find(id)
                .map(doc -> {
                    if (!doc.status().isOpen()) {
                        return pending.removeIfDue(id, pointedDue);
                    }
                    return doc.dueAt().isAfter(now) ? pending.put(id, doc.dueAt()) : Mono.<Void>empty();
                })
                .defaultIfEmpty(Mono.defer(() -> staleGhost(id, pointedDue, now)))
                .flatMap(action -> action);
    }

    /**
     * A pointer written just before its notification may briefly have none; an old one is a crash's
     * leftover. Judged on the due time this tick read, and removed only if nobody wrote it since.
     */
    private Mono<Void> staleGhost(String id, Instant pointedDue, Instant now) {
        return pointedDue.isBefore(now.minus(lease)) ? pending.removeIfDue(id, pointedDue) : Mono.empty();
    }

    static ChannelKind channelOf(String notificationId) {
        String suffix = notificationId.substring(notificationId.lastIndexOf(':') + 1);
        return ChannelKind.valueOf(suffix.toUpperCase(Locale.ROOT));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
