package org.fcr.intake.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;

import org.fcr.events.RequestEvent;
import org.fcr.intake.store.RequestStore;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The other half of reconciling after a crash: events the store has but the topic does not (intake
 * died between its write and the broker's acknowledgement). Relays them; a duplicate is harmless,
 * consumers drop it by its event id.
 */
@Component
public class UnrelayedEvents {

    /** Nobody waits on a reconciliation: it may give the broker longer than a caller would. */
    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(30);

    private final RequestStore store;
    private final EventRelay relay;

    public UnrelayedEvents(RequestStore store, EventRelay relay) {
        this.store = store;
        this.relay = relay;
    }

    /** Relays what requests written since {@code since} hold beyond {@code onTopic}; answers how many events. */
    public Mono<Long> relay(Instant since, Map<String, BitSet> onTopic) {
        return store.writtenSince(since)
                .map(stored -> {
                    BitSet seen = onTopic.getOrDefault(stored.state().id(), new BitSet());
                    return stored.timeline().stream().filter(e -> !seen.get(Math.toIntExact(e.getSequence()))).toList();
                })
                .filter(missing -> !missing.isEmpty())
                .concatMap(missing -> relay.publish(missing, RELAY_TIMEOUT).thenReturn((long) missing.size()))
                .reduce(0L, Long::sum);
    }
}
