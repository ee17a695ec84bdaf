package org.fcr.sla.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.fcr.events.SlaEvent;
import org.fcr.schemas.Topics;

/**
 * Reads committed {@code fcr.sla} events from the start, as scoring and notification would. Assigned
 * partitions, no consumer group: a group rebalance would rewind to the last auto-commit and hand
 * out records twice, which would look like the engine repeating itself.
 */
public final class SlaTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, SlaEvent> consumer;
    private final List<SlaEvent> seen = new ArrayList<>();

    public SlaTopicReader(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.SLA.keySerde().deserializer(), Topics.SLA.valueSerde().deserializer());
    }

    /** Assigns every partition once the topic exists (a service creates it when it starts). */
    private boolean assigned() {
        if (consumer.assignment().isEmpty()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SLA.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return false;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        return true;
    }

    /** Everything read so far for one request, after one more poll. */
    public List<SlaEvent> of(String requestId) {
        if (assigned()) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
        }
        return seen.stream().filter(e -> e.getRequestId().equals(requestId)).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
