package org.fcr.intake.messaging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /** Requests compared with the store per read. */
    private static final int COMPARE_BATCH = 500;

    private final RequestStore store;
    private final OpenWork openWork;

    public AggregateRepair(RequestStore store, OpenWork openWork) {
        this.store = store;
        this.openWork = openWork;
    }

    /**
     * Compares the sequences on the topic with the store's, 500 requests a read, then reads the events of
     * the requests the store is missing or behind on and rebuilds those.
     */
    public Mono<Outcome> restore(Map<String, BitSet> onTopic,
                                 Function<Set<String>, Mono<Map<String, TreeMap<Long, RequestEvent>>>> eventsOf) {
        return Flux.fromIterable(onTopic.keySet())
                .buffer(COMPARE_BATCH)
                .concatMap(ids -> store.sequences(ids).flatMapMany(stored -> Flux.fromIterable(ids)
                        .filter(id -> onTopic.get(id).length() - 1 > stored.getOrDefault(id, 0L))))
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .flatMap(behind -> behind.isEmpty()
                        ? Mono.just(new Outcome(onTopic.size(), 0, 0, List.of()))
                        : eventsOf.apply(behind).flatMap(events -> rebuild(onTopic.size(), events)));
    }

    private Mono<Outcome> rebuild(int requestsSeen, Map<String, TreeMap<Long, RequestEvent>> byRequest) {
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
                .then(Mono.fromSupplier(() -> new Outcome(requestsSeen, rebuilt[0], extended[0], incomplete)));
    }

    /** The store's last sequence of a request, and every event known of it from the store and the topic. */
    private record Known(long storedSequence, TreeMap<Long, RequestEvent> events) {
    }
}
