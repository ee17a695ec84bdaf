package org.fcr.intake.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fcr.events.RequestEvent;
import org.fcr.intake.store.OpenWork;
import org.fcr.intake.store.RequestStore;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Kafka is where acceptance becomes durable (ARCHITECTURE §4): from what fcr.requests holds, this
 * rebuilds every aggregate the store is missing or holds only in part.
 */
@Component
public class AggregateRepair {

    /** What a repair found: requests seen on the topic, rebuilt whole, extended, and not repairable. */
    public record Outcome(int requestsSeen, int rebuilt, int extended, List<String> incomplete) {
    }

    private final RequestStore store;
    private final OpenWork openWork;

    public AggregateRepair(RequestStore store, OpenWork openWork) {
        this.store = store;
        this.openWork = openWork;
    }

    public Mono<Outcome> restore(Map<String, TreeMap<Long, RequestEvent>> byRequest) {
        List<String> incomplete = new ArrayList<>();
        int[] rebuilt = {0};
        int[] extended = {0};
        return Flux.fromIterable(byRequest.entrySet())
                .concatMap(entry -> store.find(entry.getKey())
                        .map(stored -> {
                            TreeMap<Long, RequestEvent> all = new TreeMap<>(entry.getValue());
                            stored.timeline().forEach(e -> all.put(e.getSequence(), e));
                            return new Known(stored.state().sequence(), all);
                        })
                        .defaultIfEmpty(new Known(0L, entry.getValue()))
                        .flatMap(known -> {
                            TreeMap<Long, RequestEvent> all = known.events();
                            if (all.lastKey() <= known.storedSequence()) {
                                return Mono.empty();
                            }
                            if (all.firstKey() != 1 || all.lastKey() != all.size()) {
                                incomplete.add(entry.getKey());
                                return Mono.empty();
                            }
                            if (known.storedSequence() == 0) {
                                rebuilt[0]++;
                            } else {
                                extended[0]++;
                            }
                            return store.replace(entry.getKey(), new ArrayList<>(all.values()))
                                    .then(openWork.reload(entry.getKey()));
                        }))
                .then(Mono.fromSupplier(() -> new Outcome(byRequest.size(), rebuilt[0], extended[0], incomplete)));
    }

    /** The store's last sequence of a request, and every event known of it from the store and the topic. */
    private record Known(long storedSequence, TreeMap<Long, RequestEvent> events) {
    }
}
