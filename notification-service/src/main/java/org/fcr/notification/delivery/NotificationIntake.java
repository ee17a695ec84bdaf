package org.fcr.notification.delivery;

import java.time.Clock;

import org.fcr.notification.domain.DeliveryStatus;
import org.fcr.notification.domain.NoticePlanner;
import org.fcr.notification.domain.Occurrence;
import org.fcr.notification.messaging.OutcomePublisher;
import org.fcr.notification.store.LookupIndex;
import org.fcr.notification.store.NotificationDocument;
import org.fcr.notification.store.NotificationStore;
import org.fcr.notification.store.PendingIndex;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an occurrence into stored notifications: planned, pointed to from the pending index,
 * stored once (a replay finds them there and adds nothing), and listed by request and recipient.
 * Sending is the {@link DeliveryLoop}'s job, so a slow channel never holds up consumption.
 */
public class NotificationIntake {

    private final NoticePlanner planner;
    private final NotificationStore store;
    private final PendingIndex pending;
    private final LookupIndex lookup;
    private final OutcomePublisher outcomes;
    private final Clock clock;

    public NotificationIntake(NoticePlanner planner, NotificationStore store, PendingIndex pending, LookupIndex lookup,
                              OutcomePublisher outcomes, Clock clock) {
        this.planner = planner;
        this.store = store;
        this.pending = pending;
        this.lookup = lookup;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The number of notifications newly stored. */
    public Mono<Long> accept(Occurrence occurrence) {
        var now = clock.instant();
        return Flux.fromIterable(planner.plan(occurrence, now))
                .map(notice -> NotificationDocument.from(notice, now))
                .concatMap(this::store)
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> store(NotificationDocument doc) {
        boolean open = doc.status() == DeliveryStatus.PENDING;
        Mono<Void> pointer = open ? pending.put(doc.id(), doc.dueAt()) : Mono.empty();
        return pointer.then(store.insertIfAbsent(doc))
                .flatMap(inserted -> inserted
                        ? lookup.add(doc).then(open ? Mono.empty() : outcomes.publish(doc)).thenReturn(true)
                        : Mono.just(false));
    }
}
