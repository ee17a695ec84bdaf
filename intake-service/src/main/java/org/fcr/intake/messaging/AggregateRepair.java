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
import org.fcr.intake.config.IntakeProperties;
import org.fcr.intake.store.OpenWork;
import org.fcr.intake.store.RequestStore;
import org.fcr.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Kafka is where acceptance becomes durable, the embedded store is not (ARCHITECTURE §4): after a
 * store loss this re-reads the recent part of fcr.requests and rebuilds every aggregate the store
 * is missing or holds only in part. Runs once at start and on an administrator's request.
 */
@Component
public class AggregateRepair {

    private static final Logger log = LoggerFactory.getLogger(AggregateRepair.class);

    /** What a repair found: requests seen on the topic, rebuilt whole, extended, and not repairable. */
    public record Report(int requestsSeen, int rebuilt, int extended, List<String> incomplete) {
    }

    private final KafkaProperties kafka;
    private final RequestStore store;
    private final IntakeProperties properties;
    private final OpenWork openWork;

    public AggregateRepair(KafkaProperties kafka, RequestStore store, IntakeProperties properties, OpenWork openWork) {
        this.kafka = kafka;
        this.store = store;
        this.properties = properties;
        this.openWork = openWork;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void repairOnStart() {
        if (properties.repairOnStart()) {
            repair(properties.repairLookback())
                    .subscribe(r -> log.info("Repair from fcr.requests: {}", r),
                            e -> log.warn("Repair from fcr.requests failed: {}", e.toString()));
        }
    }

    public Mono<Report> repair(Duration lookback) {
        return Mono.fromCallable(() -> read(Instant.now().minus(lookback)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::restore);
    }

    private Map<String, TreeMap<Long, RequestEvent>> read(Instant since) {
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

    private Mono<Report> restore(Map<String, TreeMap<Long, RequestEvent>> byRequest) {
        List<String> incomplete = new ArrayList<>();
        int[] rebuilt = {0};
        int[] extended = {0};
        return Flux.fromIterable(byRequest.entrySet())
                .concatMap(entry -> store.find(entry.getKey())
                        .map(stored -> {
                            TreeMap<Long, RequestEvent> all = new TreeMap<>(entry.getValue());
                            stored.timeline().forEach(e -> all.put(e.getSequence(), e));
                            return new Object[]{stored.state().sequence(), all};
                        })
                        .defaultIfEmpty(new Object[]{0L, entry.getValue()})
                        .flatMap(found -> {
                            long have = (Long) found[0];
                            @SuppressWarnings("unchecked")
                            TreeMap<Long, RequestEvent> all = (TreeMap<Long, RequestEvent>) found[1];
                            if (all.lastKey() <= have) {
                                return Mono.empty();
                            }
                            if (all.firstKey() != 1 || all.lastKey() != all.size()) {
                                incomplete.add(entry.getKey());
                                return Mono.empty();
                            }
                            if (have == 0) {
                                rebuilt[0]++;
                            } else {
                                extended[0]++;
                            }
                            return store.replace(entry.getKey(), new ArrayList<>(all.values()))
                                    .then(openWork.reload(entry.getKey()));
                        }))
                .then(Mono.fromSupplier(() -> new Report(byRequest.size(), rebuilt[0], extended[0], incomplete)));
    }
}
