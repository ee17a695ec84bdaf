package org.fcr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.EventFixtures;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A poison record (undecodable bytes) and a record the listener keeps failing on both land on
 * {@code <topic>.DLT} — the first with its original bytes, the second re-encoded as the same event —
 * and the good record behind them is still consumed. A record that fails while the store is away is
 * retried until the store answers again.
 */
@SpringBootTest(properties = "spring.config.import=classpath:fcr-defaults.yml")
class DeadLetterTest {

    static final List<String> handled = new CopyOnWriteArrayList<>();
    static final AtomicInteger storeAwayAttempts = new AtomicInteger();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dead_letter_test");
    }

    @TestConfiguration
    static class Listener {
        @Bean
        static ConcurrentKafkaListenerContainerFactory<String, RequestEvent> testRequestsFactory(ListenerFactories factories) {
            return factories.forTopic(Topics.REQUESTS);
        }

        @KafkaListener(topics = "fcr.requests", groupId = "dead-letter-test", containerFactory = "testRequestsFactory")
        void on(RequestEvent event) {
            if (event.getRequestId().startsWith("FAIL")) {
                throw new IllegalStateException("cannot handle " + event.getRequestId());
            }
            if (event.getRequestId().startsWith("STORE-AWAY") && storeAwayAttempts.incrementAndGet() <= 4) {
                throw new DataAccessResourceFailureException("Timed out while waiting for a server");
            }
            handled.add(event.getRequestId());
        }
    }

    @Autowired
    TopicPublisher publisher;

    @Autowired
    MeterRegistry meters;

    @Test
    void poisonAndFailingRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestInfrastructure.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("fcr.requests", "POISON".getBytes(), "not avro".getBytes())).get();
        }
        publisher.publish(Topics.REQUESTS, "FAIL-1", EventFixtures.accepted("FAIL-1", Instant.now())).get();
        publisher.publish(Topics.REQUESTS, "STORE-AWAY-1", EventFixtures.accepted("STORE-AWAY-1", Instant.now())).get();
        publisher.publish(Topics.REQUESTS, "OK-1", EventFixtures.accepted("OK-1", Instant.now())).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.containsAll(List.of("OK-1", "STORE-AWAY-1")));
        List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(2);
        assertThat(dead).extracting(r -> new String(r.key())).contains("POISON", "FAIL-1");
        // a store away for longer than the two quick retries is waited for, not parked
        assertThat(storeAwayAttempts.get()).isEqualTo(5);
        assertThat(dead).extracting(r -> new String(r.key())).doesNotContain("STORE-AWAY-1");
        ConsumerRecord<byte[], byte[]> poison = dead.stream().filter(r -> new String(r.key()).equals("POISON")).findFirst().orElseThrow();
        assertThat(new String(poison.value())).isEqualTo("not avro");
        ConsumerRecord<byte[], byte[]> failed = dead.stream().filter(r -> new String(r.key()).equals("FAIL-1")).findFirst().orElseThrow();
        assertThat(Topics.REQUESTS.valueSerde().deserializer().deserialize("x", failed.value()).getRequestId()).isEqualTo("FAIL-1");
        assertThat(failed.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        // what an operator sees: two records parked, four deliveries failed while the store was away
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get("fcr.kafka.dead.letters").tag("topic", "fcr.requests").counter().count()).isEqualTo(2.0);
            assertThat(meters.get("fcr.kafka.failed.deliveries").tags("topic", "fcr.requests", "kind", "transient")
                    .counter().count()).isEqualTo(4.0);
        });
        assertThat(meters.get("fcr.kafka.failed.deliveries").tags("topic", "fcr.requests", "kind", "unknown")
                .counter().count()).as("the listener's own failure, tried three times").isGreaterThanOrEqualTo(3.0);
    }

    private static List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int atLeast) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", TestInfrastructure.bootstrapServers(),
                "group.id", "dlt-reader", "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REQUESTS.deadLetterName()));
            long until = System.currentTimeMillis() + 60_000;
            while (seen.size() < atLeast && System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
        }
        return seen;
    }
}
