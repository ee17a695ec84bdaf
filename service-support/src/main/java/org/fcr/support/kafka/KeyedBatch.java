package org.fcr.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One poll batch handled per key: the values of one key in the order they came, as one unit of work;
 * the units of different keys at the same time. A listener that took one record at a time and waited
 * for its store write and broker acknowledgement kept up with about a hundred records a second.
 * <p>
 * A poison record (no value: the error-handling deserializer could not decode it) ends the batch
 * there: the records before it are handled first. A failure is reported by the index of the first
 * record of the earliest failed unit, so the shared error handler commits what came before, retries
 * that record and parks it on the dead-letter topic, and redelivers the rest — handlers must
 * therefore be idempotent, as every consumer here is.
 */
public final class KeyedBatch {

    private static final LogAccessor LOG = new LogAccessor(KeyedBatch.class);

    private KeyedBatch() {
    }

    /**
     * @param keyOf       the unit a value belongs to (a request id)
     * @param handle      the work for one unit's values, in record order
     * @param concurrency units in flight at once
     * @param limit       the longest the whole batch may take
     */
    public static <K, V> void handle(List<ConsumerRecord<K, V>> records, Function<V, String> keyOf,
                                     Function<List<V>, Mono<?>> handle, int concurrency, Duration limit) {
        Map<String, Unit<V>> units = new LinkedHashMap<>();
        int poisonAt = -1;
        for (int i = 0; i < records.size(); i++) {
            V value = records.get(i).value();
            if (value == null) {
                poisonAt = i;
                break;
            }
            int index = i;
            units.computeIfAbsent(keyOf.apply(value), k -> new Unit<>(index)).values().add(value);
        }
        List<Failure> failures;
        try {
            failures = Flux.fromIterable(units.values())
                    .flatMap(unit -> handle.apply(unit.values()).then(Mono.<Failure>empty())
                            .onErrorResume(e -> Mono.just(new Failure(unit.firstIndex(), e))), concurrency)
                    .collectList()
                    .timeout(limit)
                    .block();
        } catch (RuntimeException e) {
            // past the limit nothing tells which unit is late: the batch is redelivered from its start,
            // and the TimeoutException in the cause tells the error handler to keep retrying it
            throw new BatchListenerFailedException("Handling the batch failed", e, 0);
        }
        if (failures != null && !failures.isEmpty()) {
            Failure first = failures.stream().min(Comparator.comparingInt(Failure::index)).orElseThrow();
            throw new BatchListenerFailedException("Handling a record failed", first.cause(), first.index());
        }
        if (poisonAt >= 0) {
            throw new BatchListenerFailedException("Poison record", undecodable(records.get(poisonAt)), poisonAt);
        }
    }

    /** Why a record came without a value: the deserializer's exception kept in its header, when there is one. */
    public static RuntimeException undecodable(ConsumerRecord<?, ?> record) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        return cause != null ? cause : new IllegalArgumentException("A record without a value");
    }

    private record Unit<V>(int firstIndex, List<V> values) {
        Unit(int firstIndex) {
            this(firstIndex, new ArrayList<>());
        }
    }

    private record Failure(int index, Throwable cause) {
    }
}
