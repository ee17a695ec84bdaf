package org.fcr.intake.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.messaging.PendingRelays.Pending;
import org.fcr.intake.store.RelayCheckpoints;
import org.fcr.intake.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relays events the broker did not acknowledge in time (it was down or slow; the caller got a 503),
 * then records this instance's checkpoint: everything written before it has reached the broker.
 * A relayed event may be a duplicate, which consumers drop by its event id.
 */
@Component
public class RelaySweeper {

    private static final Logger log = LoggerFactory.getLogger(RelaySweeper.class);
    /** Nobody waits on the sweeper: it may give the broker longer than a caller would. */
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(30);

    private final PendingRelays pending;
    private final RelayCheckpoints checkpoints;
    private final RequestStore store;
    private final EventRelay relay;
    private final IntakeProperties properties;

    public RelaySweeper(PendingRelays pending, RelayCheckpoints checkpoints, RequestStore store, EventRelay relay,
                        IntakeProperties properties) {
        this.pending = pending;
        this.checkpoints = checkpoints;
        this.store = store;
        this.relay = relay;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${fcr.intake.sweep-interval:PT5S}", initialDelayString = "${fcr.intake.sweep-interval:PT5S}")
    public void sweepOnSchedule() {
        try {
            Long relayed = sweep().block();
            if (relayed != null && relayed > 0) {
                log.info("Relay sweeper relayed the pending events of {} writes", relayed);
            }
        } catch (RuntimeException e) {
            log.warn("Relay sweep failed, will try again: {}", e.toString());
        }
    }

    /**
     * Relays every write pending longer than fcr.intake.sweep-after, each request's writes in sequence order;
     * a request whose earlier write fails keeps its later ones for the next sweep (never a later sequence on
     * the topic before an earlier one). Answers how many writes it relayed.
     */
    public Mono<Long> sweep() {
        Map<String, List<Pending>> byRequest = new LinkedHashMap<>();
        pending.olderThan(properties.sweepAfter()).stream()
                .sorted(Comparator.comparingLong(PendingRelays.Pending::firstSequence))
                .forEach(write -> byRequest.computeIfAbsent(write.requestId(), id -> new ArrayList<>()).add(write));
        return Flux.fromIterable(byRequest.values())
                .concatMap(writes -> Flux.fromIterable(writes).concatMap(this::relayOne)
                        .onErrorResume(e -> {
                            log.warn("Relay of {} failed, will try again: {}", writes.get(0).requestId(), e.toString());
                            return Mono.empty();
                        }))
                .count()
                .flatMap(relayed -> checkpoints.save(pending.instanceId(), pending.safeBefore()).thenReturn(relayed));
    }

    private Mono<Pending> relayOne(Pending write) {
        // no document: the write never reached the store, so there is nothing to relay
        return store.find(write.requestId())
                .flatMap(stored -> relay.publish(stored.timeline().stream()
                        .filter(e -> write.sequences().contains(e.getSequence())).toList(), RELAY_TIMEOUT))
                .then(Mono.fromRunnable(() -> pending.done(write)))
                .thenReturn(write);
    }

    /** A clean stop leaves a checkpoint of now (or of its oldest unrelayed write). */
    @PreDestroy
    void checkpointOnStop() {
        try {
            checkpoints.save(pending.instanceId(), pending.safeBefore()).block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Could not record the relay checkpoint at stop: {}", e.toString());
        }
    }
}
