package org.fcr.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.fcr.schemas.Topic;

/**
 * Reads a registered topic from the beginning with nothing but the schemas jar, as an outside system would;
 * a record it cannot decode (a poison record a test put there) is counted and passed over.
 */
final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<V> decoder;
    private final List<V> seen = new ArrayList<>();
    private int undecodable;

    TopicReader(String bootstrapServers, Topic<String, V> topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "e2e-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(), new ByteArrayDeserializer());
        decoder = topic.valueSerde().deserializer();
        consumer.subscribe(List.of(topic.name()));
    }

    /** Polls until a record matches or the timeout passes; returns every record seen so far. */
    List<V> until(Predicate<V> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            poll(value -> { });
        }
        return List.copyOf(seen);
    }

    /** Polls, handing each new record to {@code each}, until {@code done} holds or the timeout passes. */
    void readUntil(Consumer<V> each, BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            poll(each);
        }
    }

    /** Reads every record written before this call (all partitions to their end), handing each to {@code each}. */
    void readToEnd(Consumer<V> each, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            poll(each);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                && System.nanoTime() < deadline) {
            poll(each);
        }
    }

    /** Records passed over because they could not be decoded. */
    int undecodable() {
        return undecodable;
    }

    private void poll(Consumer<V> each) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
            V value;
            try {
                value = record.value() == null ? null : decoder.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                undecodable++;
                continue;
            }
            seen.add(value);
            each.accept(value);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
