package org.fcr.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.EventFixtures;
import org.fcr.schemas.Topics;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Several records published together reach the broker in order, and the one future waits for all of them. */
class TopicPublisherTest {

    @Test
    void publishAllCompletesOnceTheBrokerHasEveryRecordInOrder() throws Exception {
        var factory = new DefaultKafkaProducerFactory<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
        String id = "PUB-" + UUID.randomUUID();
        List<RequestEvent> events = new ArrayList<>();
        for (long seq = 1; seq <= 3; seq++) {
            RequestEvent event = EventFixtures.accepted(id, Instant.now());
            event.setSequence(seq);
            event.setEventId(id + "-" + seq);
            events.add(event);
        }
        try {
            CompletableFuture<Void> all = new TopicPublisher(new KafkaTemplate<>(factory))
                    .publishAll(Topics.REQUESTS, RequestEvent::getRequestId, events);
            all.get(60, TimeUnit.SECONDS);
        } finally {
            factory.destroy();
        }

        assertThat(read(id, 3)).containsExactly(id + "-1", id + "-2", id + "-3");
    }

    private static List<String> read(String requestId, int count) {
        List<String> eventIds = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", TestInfrastructure.bootstrapServers(),
                "group.id", "publisher-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REQUESTS.name()));
            long until = System.currentTimeMillis() + 60_000;
            while (eventIds.size() < count && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    RequestEvent event = Topics.REQUESTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                    if (event.getRequestId().equals(requestId)) {
                        eventIds.add(event.getEventId());
                    }
                });
            }
        }
        return eventIds;
    }
}
