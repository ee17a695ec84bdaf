package org.fcr.intake.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/** Reads what fcr.requests holds since a moment, per request and sequence (blocking: call off the event loop). */
@Component
public class TopicHistory {

    private final KafkaProperties kafka;

    public TopicHistory(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    public Map<String, TreeMap<Long, RequestEvent>> since(Instant since) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, TreeMap<Long, RequestEvent>> byRequest = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), Topics.REQUESTS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUESTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query);
            List<TopicPartition> reading = new ArrayList<>();
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp from = start.get(p);
                if (from != null && from.offset() < end.get(p)) {
                    consumer.seek(p, from.offset());
                    reading.add(p);
                }
            }
            consumer.assign(reading);
            while (!reading.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value() != null) {
                        byRequest.computeIfAbsent(r.key(), k -> new TreeMap<>()).put(r.value().getSequence(), r.value());
                    }
                });
                reading.removeIf(p -> consumer.position(p) >= end.get(p));
                consumer.assign(reading);
            }
        }
        return byRequest;
    }
}
