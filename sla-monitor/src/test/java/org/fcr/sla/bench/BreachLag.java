package org.fcr.sla.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.schemas.Topics;
import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.domain.TimeStandards;
import org.fcr.sla.messaging.SlaTopology;
import org.fcr.sla.messaging.StreamsSettings;
import org.fcr.sla.support.Requests;
import org.fcr.sla.support.SlaDriver;

/**
 * End to end on a real broker, exactly-once: {@code count} stages that all fall due at the same
 * instant; the lag of each BREACHED is the time a read_committed consumer receives it minus the
 * deadline. Also the rate at which the engine takes the request events that open them.
 */
final class BreachLag {

    record Result(int count, double eventsPerSecond, long p50Millis, long p99Millis, long maxMillis, int breaches) {
    }

    private BreachLag() {
    }

    static List<Result> measure(String bootstrap, int count, int rounds, TimeStandards standards, Path stateDir) throws Exception {
        String topicSuffix = UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var existing = admin.listTopics().names().get();
            var wanted = List.of(Topics.REQUESTS.name(), Topics.REQUESTS.deadLetterName(), Topics.SLA.name(), Topics.STAGE_STATS.name());
            admin.createTopics(wanted.stream().filter(t -> !existing.contains(t)).map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get();
        }
        var streams = new KafkaStreams(SlaTopology.build(new SlaEngine(standards), SlaDriver.settings(20_000)),
                StreamsSettings.of("sla-bench-" + topicSuffix, bootstrap, stateDir.toString(), 1));
        streams.start();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(100);
        }
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "sla-bench-reader-" + topicSuffix,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.SLA.keySerde().deserializer(), Topics.SLA.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.SLA.name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }

        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            results.add(round(consumer, bootstrap, count, topicSuffix + "-" + round));
        }
        consumer.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(20)));
        return results;
    }

    private static Result round(KafkaConsumer<String, SlaEvent> consumer, String bootstrap, int count, String topicSuffix) {
        // all deadlines at one instant, far enough ahead for every event to be taken first
        Instant deadline = Instant.now().plusSeconds(Math.max(15, count / 1000));
        String prefix = "L-" + topicSuffix + "-";
        long sendStart = System.nanoTime();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5), Topics.REQUESTS.keySerde().serializer(), Topics.REQUESTS.valueSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                var event = Requests.faultRepair(prefix + i).dispatched(deadline.minus(Duration.ofMinutes(5)));
                producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), event.getRequestId(), event));
            }
        }
        int started = 0;
        List<Long> lags = new ArrayList<>();
        long takenAt = 0;
        Instant giveUp = deadline.plusSeconds(60);
        while ((started < count || lags.size() < count) && Instant.now().isBefore(giveUp)) {
            for (var record : consumer.poll(Duration.ofMillis(50))) {
                SlaEvent event = record.value();
                if (!event.getRequestId().startsWith(prefix)) {
                    continue;
                }
                if (event.getKind() == SlaEventKind.STARTED && ++started == count) {
                    takenAt = System.nanoTime();
                } else if (event.getKind() == SlaEventKind.BREACHED) {
                    lags.add(System.currentTimeMillis() - deadline.toEpochMilli());
                }
            }
        }
        Collections.sort(lags);
        double eventsPerSecond = takenAt == 0 ? 0 : count / ((takenAt - sendStart) / 1e9);
        return new Result(count, eventsPerSecond, percentile(lags, 0.5), percentile(lags, 0.99),
                lags.isEmpty() ? -1 : lags.get(lags.size() - 1), lags.size());
    }

    private static long percentile(List<Long> sorted, double share) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
    }
}
