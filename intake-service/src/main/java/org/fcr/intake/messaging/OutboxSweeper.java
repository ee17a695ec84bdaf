package org.fcr.intake.messaging;

import java.util.List;

import org.fcr.events.RequestEvent;
import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.store.OutboxMarkers;
import org.fcr.intake.store.OutboxMarkers.Marker;
import org.fcr.intake.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relays events that stayed in the outbox (broker down, intake killed between write and publish).
 * Reads only the small marker collection; a relayed event may be a duplicate, which consumers
 * drop by its event id.
 */
@Component
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final int BATCH = 200;
    /** Nobody waits on the sweeper: it may give the broker longer than a caller would. */
    private static final java.time.Duration RELAY_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final OutboxMarkers markers;
    private final RequestStore store;
    private final EventRelay relay;
    private final IntakeProperties properties;

    public OutboxSweeper(OutboxMarkers markers, RequestStore store, EventRelay relay, IntakeProperties properties) {
        this.markers = markers;
        this.store = store;
        this.relay = relay;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${fcr.intake.sweep-interval:PT5S}", initialDelayString = "${fcr.intake.sweep-interval:PT5S}")
    public void sweepOnSchedule() {
        try {
            Long relayed = sweep().block();
            if (relayed != null && relayed > 0) {
                log.info("Outbox sweeper relayed the pending events of {} requests", relayed);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed, will try again: {}", e.toString());
        }
    }

    /** Relays every marker older than fcr.intake.sweep-after; answers how many requests it relayed. */
    public Mono<Long> sweep() {
        return markers.olderThan(properties.sweepAfter(), BATCH)
                .concatMap(this::relayOne)
                .count()
                .flatMap(relayed -> markers.purgeEmpty(properties.sweepAfter()).thenReturn(relayed));
    }

    private Flux<Marker> relayOne(Marker marker) {
        return store.find(marker.requestId())
                .flatMap(stored -> {
                    List<RequestEvent> pending = stored.timeline().stream()
                            .filter(e -> marker.sequences().contains(e.getSequence())).toList();
                    return relay.publish(pending, RELAY_TIMEOUT);
                })
                .then(markers.releaseNow(marker))
                .thenReturn(marker)
                .flux();
    }
}
