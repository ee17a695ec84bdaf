package org.fcr.dispatch.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a plain consumer (no group, no Spring), as an outside
 * department system would, until the records for a key satisfy a condition.
 */
public final class TopicReader {

    private TopicReader() {
    }

    public static <V> List<ConsumerRecord<String, V>> awaitRecords(String bootstrap, String topic, Deserializer<V> values,
                                                                   String key, Predicate<List<V>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, V>> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = readAll(bootstrap, topic, values).stream().filter(r -> key.equals(r.key())).toList();
            if (done.test(found.stream().map(ConsumerRecord::value).toList())) {
                return found;
            }
            sleep();
        }
        throw new AssertionError("Within " + timeout + " " + topic + " did not get what was expected for " + key
                + "; it has: " + found.stream().map(ConsumerRecord::value).toList());
    }

    public static <V> List<ConsumerRecord<String, V>> readAll(String bootstrap, String topic, Deserializer<V> values) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant limit = Instant.now().plusSeconds(10);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(limit)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException | org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            return records;
        }
        return records;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
