package org.fcr.intake.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.fcr.intake.store.KeyedSets;
import org.springframework.stereotype.Component;

/**
 * The outbox's memory: the writes whose events the broker has not acknowledged yet. A write is
 * registered before it reaches the store and dropped once the broker acknowledged its events, so
 * the store is written once per command and relayed events are never marked there. What this
 * memory loses in a crash, the start-up reconciliation finds again from the last
 * {@link RelayCheckpoint} (every write before it was acknowledged).
 */
@Component
public class PendingRelays {

    /** One write's events: the request, their sequences, and when the write began (equal only to itself). */
    public static final class Pending {
        private final String requestId;
        private final List<Long> sequences;
        private final Instant since;
        /** Completed when the broker acknowledged these events or the write never happened. */
        private final CompletableFuture<Void> finished = new CompletableFuture<>();

        Pending(String requestId, List<Long> sequences, Instant since) {
            this.requestId = requestId;
            this.sequences = sequences;
            this.since = since;
        }

        public String requestId() {
            return requestId;
        }

        public List<Long> sequences() {
            return sequences;
        }

        public Instant since() {
            return since;
        }

        /** Where this write starts in its request's sequence (a write without events sorts last). */
        public long firstSequence() {
            return sequences.isEmpty() ? Long.MAX_VALUE : sequences.get(0);
        }
    }

    /** By request: a command looks only at its own request's writes (it used to pass over every pending write). */
    private final Map<String, Set<Pending>> pending = new ConcurrentHashMap<>();
    /** This run of this instance: its checkpoint is its own. */
    private final String instanceId = UUID.randomUUID().toString();

    public String instanceId() {
        return instanceId;
    }

    public Pending register(String requestId, List<Long> sequences) {
        Pending write = new Pending(requestId, List.copyOf(sequences), Instant.now());
        KeyedSets.put(pending, requestId, write, ConcurrentHashMap::newKeySet);
        return write;
    }

    /** The broker acknowledged these events, or the write never happened. */
    public void done(Pending write) {
        KeyedSets.take(pending, write.requestId(), write);
        write.finished.complete(null);
    }

    /**
     * Completes when every earlier write of the same request still pending here is done: a command's
     * events are then sent after those of the command before it, so fcr.requests keeps each request's
     * order even when two commands on one request race (their sends run on different threads).
     */
    public CompletableFuture<Void> earlierDone(Pending write) {
        long first = write.firstSequence();
        return CompletableFuture.allOf(pending.getOrDefault(write.requestId(), Set.of()).stream()
                .filter(p -> p != write && p.firstSequence() < first)
                .map(p -> p.finished)
                .toArray(CompletableFuture[]::new));
    }

    public List<Pending> olderThan(Duration age) {
        Instant before = Instant.now().minus(age);
        return all().filter(p -> p.since().isBefore(before)).toList();
    }

    /** Every write that began before this instant has reached the broker. */
    public Instant safeBefore() {
        Instant now = Instant.now();
        return all().map(Pending::since).min(Instant::compareTo)
                .filter(oldest -> oldest.isBefore(now)).orElse(now);
    }

    public int size() {
        return (int) all().count();
    }

    private Stream<Pending> all() {
        return pending.values().stream().flatMap(Set::stream);
    }
}
