package org.fcr.intake.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.config.StoreConnectionWatch.StoreReconnected;
import org.fcr.intake.store.RelayCheckpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes the store and fcr.requests agree again, both ways: aggregates the store lost are rebuilt
 * from the topic ({@link AggregateRepair}); events the store has but the topic lacks are relayed
 * ({@link UnrelayedEvents}). Runs at start (from the earliest relay checkpoint, so a crash between
 * a write and its acknowledgement loses nothing), when the store comes back after a loss, and on
 * an administrator's request.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    /** Room for clock steps and for writes that began just before a checkpoint was taken. */
    private static final Duration MARGIN = Duration.ofMinutes(1);
    /** An instance that has not refreshed its checkpoint for this long is gone. */
    private static final Duration GONE_AFTER = Duration.ofMinutes(1);

    /** What one reconciliation did; {@code undecodable}: records on the topic it skipped (see the log). */
    public record Report(int requestsSeen, int rebuilt, int extended, List<String> incomplete, long relayed,
                         long undecodable) {
    }

    private final TopicHistory history;
    private final AggregateRepair repair;
    private final UnrelayedEvents unrelayed;
    private final RelayCheckpoints checkpoints;
    private final PendingRelays pending;
    private final IntakeProperties properties;

    public Reconciliation(TopicHistory history, AggregateRepair repair, UnrelayedEvents unrelayed,
                          RelayCheckpoints checkpoints, PendingRelays pending, IntakeProperties properties) {
        this.history = history;
        this.repair = repair;
        this.unrelayed = unrelayed;
        this.checkpoints = checkpoints;
        this.pending = pending;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        if (properties.repairOnStart()) {
            fromCheckpoints().subscribe(r -> log.info("Start-up reconciliation with fcr.requests: {}", r),
                    e -> log.warn("Start-up reconciliation with fcr.requests failed: {}", e.toString()));
        }
    }

    /**
     * Rebuilds over fcr.intake.repair-lookback and relays from the earliest checkpoint of any instance
     * (one that died left its last one), then forgets the instances that are gone.
     */
    public Mono<Report> fromCheckpoints() {
        Instant repairFrom = Instant.now().minus(properties.repairLookback());
        return checkpoints.earliest()
                .flatMap(last -> {
                    Instant unrelayedFrom = last.map(t -> t.minus(MARGIN)).orElse(repairFrom);
                    return reconcile(earlier(repairFrom, unrelayedFrom), unrelayedFrom);
                })
                .flatMap(report -> checkpoints.forgetSilentSince(GONE_AFTER, pending.instanceId()).thenReturn(report));
    }

    @EventListener
    public void onStoreReconnected(StoreReconnected event) {
        Instant from = event.lostAt().minus(MARGIN);
        reconcile(earlier(from, Instant.now().minus(properties.repairLookback())), from)
                .subscribe(r -> log.info("Reconciliation after the store came back: {}", r),
                        e -> log.warn("Reconciliation after the store came back failed: {}", e.toString()));
    }

    /** An administrator's repair over the last {@code lookback}. */
    public Mono<Report> reconcile(Duration lookback) {
        Instant from = Instant.now().minus(lookback);
        return reconcile(from, from);
    }

    private Mono<Report> reconcile(Instant topicFrom, Instant unrelayedFrom) {
        return Mono.fromCallable(() -> history.sequencesSince(topicFrom))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(onTopic -> repair.restore(onTopic.byRequest(),
                                ids -> Mono.fromCallable(() -> history.eventsSince(topicFrom, ids))
                                        .subscribeOn(Schedulers.boundedElastic()))
                        .flatMap(outcome -> unrelayed.relay(unrelayedFrom, onTopic.byRequest())
                        .map(relayed -> new Report(outcome.requestsSeen(), outcome.rebuilt(), outcome.extended(),
                                outcome.incomplete(), relayed, onTopic.undecodable()))));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
