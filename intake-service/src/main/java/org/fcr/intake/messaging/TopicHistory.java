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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Reads what fcr.requests holds since a moment (blocking: call off the event loop). A reconciliation
 * first asks only which sequences of which requests are there — a few bytes a request, so a crash at
 * a thousand accepts a second does not need every event of the last half hour in memory — and then
 * the events of the requests that differ from the store. A record it cannot decode is skipped, logged
 * with its place and counted ({@code fcr.kafka.undecodable.skipped}): one poison record used to end every
 * reconciliation (and with it crash recovery) with a RecordDeserializationException. Intake's own
 * listener on fcr.requests parks such a record on the dead-letter topic once for its group.
 */
@Component
public class TopicHistory {

    private static final Logger log = LoggerFactory.getLogger(TopicHistory.class);

    /** Per request, the sequences on the topic; and how many records could not be read. */
    public record Sequences(Map<String, BitSet> byRequest, long undecodable) {
    }

    private final KafkaProperties kafka;
    private final Counter skipped;

    public TopicHistory(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
        this.kafka = kafka;
        this.skipped = Counter.builder("fcr.kafka.undecodable.skipped")
                .description("Records a reader of a topic's history could not decode and skipped")
                .tag("topic", Topics.REQUESTS.name()).register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Per request, the sequences on the topic since {@code since}. */
    public Sequences sequencesSince(Instant since) {
        Map<String, BitSet> byRequest = new HashMap<>();
        long undecodable = read(since, event -> byRequest.computeIfAbsent(event.getRequestId(), k -> new BitSet())
                .set(Math.toIntExact(event.getSequence())));
        return new Sequences(byRequest, undecodable);
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

    /** Reads every decodable event since {@code since}; answers how many records it skipped. */
    private long read(Instant since, Consumer<RequestEvent> each) {
        Deserializer<RequestEvent> decoder = Topics.REQUESTS.valueSerde().deserializer();
        long undecodable = 0;
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
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
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    RequestEvent event = decode(decoder, r);
                    if (event != null) {
                        each.accept(event);
                    } else if (r.value() != null) {
                        undecodable++;
                    }
                }
                reading.removeIf(p -> consumer.position(p) >= end.get(p));
                consumer.assign(reading);
            }
        }
        return undecodable;
    }

    private RequestEvent decode(Deserializer<RequestEvent> decoder, ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return decoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            skipped.increment();
            log.warn("Skipped an undecodable record on {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), e.toString());
            return null;
        }
    }
}
