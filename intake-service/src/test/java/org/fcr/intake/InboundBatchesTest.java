package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchReason;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decisions and SLA clocks are read a poll at a time: several records of one request in a poll become
 * one write in their order, a decision for an unknown request and an undecodable record are parked on
 * the dead-letter topic, and the records around them are applied all the same.
 */
class InboundBatchesTest extends IntakeServiceTestBase {

    @Autowired
    TopicPublisher publisher;

    @Test
    void decisionsOfOnePollAreAppliedInOrderAndTheUnknownAndThePoisonAreDeadLettered() throws Exception {
        String first = create(SKELETON);
        String second = create(SKELETON);
        String unknown = "REQ-UNKNOWN-" + UUID.randomUUID();
        String poisonKey = "poison-" + UUID.randomUUID();
        DispatchDecision manualReroute = WalkingSkeletonTestAccess.reroute(first, 2, "security");
        manualReroute.setReason(DispatchReason.MANUAL);

        publisher.publishAll(Topics.DISPATCH_DECISIONS, DispatchDecision::getRequestId, List.of(
                WalkingSkeletonTestAccess.decision(first, 1),
                WalkingSkeletonTestAccess.decision(unknown, 1),
                WalkingSkeletonTestAccess.decision(second, 1),
                manualReroute)).get();
        sendRaw(Topics.DISPATCH_DECISIONS.name(), poisonKey, "not an avro record".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> "security".equals(view(first).get("department")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "engineering".equals(view(second).get("department")));
        assertThat(timelineTypes(first)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED", "DISPATCHED", "DISPATCHED");
        assertThat(timelineTypes(second)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED", "DISPATCHED");
        assertThat(deadLetterKeys(Topics.DISPATCH_DECISIONS.deadLetterName(), Set.of(unknown, poisonKey)))
                .contains(unknown, poisonKey);
    }

    @Test
    void clocksOfOneRequestInOnePollKeepTheLatestPerStage() throws Exception {
        String id = create(SKELETON);
        Instant started = Instant.parse("2030-01-01T00:05:00Z");
        Instant breached = Instant.parse("2020-01-01T00:05:00Z");
        SlaEvent acknowledgeStarted = WalkingSkeletonTestAccess.sla(id, SlaEventKind.STARTED, Stage.ACKNOWLEDGE, started);
        SlaEvent acceptBreached = WalkingSkeletonTestAccess.sla(id, SlaEventKind.BREACHED, Stage.ACCEPT, breached);
        SlaEvent acceptMet = WalkingSkeletonTestAccess.sla(id, SlaEventKind.MET, Stage.ACCEPT, breached);

        publisher.publishAll(Topics.SLA, SlaEvent::getRequestId, List.of(acknowledgeStarted, acceptBreached, acceptMet)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) view(id).get("deadlines")).size() == 2);
        Map<String, Object> view = view(id);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deadlines = (List<Map<String, Object>>) view.get("deadlines");
        assertThat(deadlines).extracting(d -> d.get("stage"), d -> d.get("kind"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ACCEPT", "MET"),
                        org.assertj.core.groups.Tuple.tuple("ACKNOWLEDGE", "STARTED"));
        assertThat(view.get("overdue")).isEqualTo(false);
    }

    private static void sendRaw(String topic, String key, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The keys among {@code wanted} found on a dead-letter topic within 30 s. */
    private static Set<String> deadLetterKeys(String topic, Set<String> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> found = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until && !found.containsAll(wanted)) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (wanted.contains(r.key())) {
                        found.add(r.key());
                    }
                });
            }
        }
        return found;
    }
}
