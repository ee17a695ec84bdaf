package org.fcr.intake.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads what fcr.requests holds since a moment (blocking: call off the event loop). A reconciliation
 * first asks only which sequences of which requests are there — a few bytes a request, so a crash at
 * a thousand accepts a second does not need every event of the last half hour in memory — and then
 * the events of the requests that differ from the store.
 */
@Component
public class TopicHistory {

    private final KafkaProperties kafka;

    public TopicHistory(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** Per request, the sequences on the topic since {@code since}. */
    public Map<String, BitSet> sequencesSince(Instant since) {
        Map<String, BitSet> byRequest = new HashMap<>();
        read(since, event -> byRequest.computeIfAbsent(event.getRequestId(), k -> new BitSet())
                .set(Math.toIntExact(event.getSequence())));
        return byRequest;
    }

    /** The events since {@code since} of these requests, per request and sequence. */
    public Map<String, TreeMap<Long, RequestEvent>> eventsSince(Instant since, Set<String> requestIds) {
        Map<String, TreeMap<Long, RequestEvent>> byRequest = new LinkedHashMap<>();
        read(since, event -> {
            if (requestIds.contains(event.getRequestId())) {
                byRequest.computeIfAbsent(event.getRequestId(), k -> new TreeMap<>()).put(event.getSequence(), event);
            }
        });
        return byRequest;
    }

    private void read(Instant since, Consumer<RequestEvent> each) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
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
                        each.accept(r.value());
                    }
                });
                reading.removeIf(p -> consumer.position(p) >= end.get(p));
                consumer.assign(reading);
            }
        }
    }
}
