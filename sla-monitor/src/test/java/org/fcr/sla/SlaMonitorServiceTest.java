package org.fcr.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.UUID;

import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.fcr.sla.config.SlaStreamsHealthIndicator;
import org.fcr.sla.support.Requests;
import org.fcr.sla.support.SlaTopicReader;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service on a real broker: request events in, SLA events out, open stages over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.org.apache.kafka=WARN", "fcr.sla.application-id=sla-monitor-service-test"})
@AutoConfigureWebTestClient
// closed after the class: a second engine left running in this JVM would also take other tests' request events
@DirtiesContext
class SlaMonitorServiceTest {

    /** Not a @TempDir: the cached context (and its RocksDB files) outlives this class. */
    private static final Path stateDir = tempDir();
    private static SlaTopicReader reader;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "fcr_sla_test");
        registry.add("fcr.sla.state-dir", stateDir::toString);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("sla-service-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void openReader() {
        reader = new SlaTopicReader(TestInfrastructure.bootstrapServers());
    }

    @AfterAll
    static void closeReader() {
        reader.close();
    }

    @Autowired
    TopicPublisher publisher;
    @Autowired
    WebTestClient client;
    @Autowired
    SlaStreamsHealthIndicator engineHealth;

    @Test
    void aRequestReceivedTenMinutesBeforeItWasRecordedBreachesAcceptAtOnce() throws Exception {
        Requests request = Requests.faultRepair("R-" + UUID.randomUUID());
        Instant recorded = Instant.now();
        publisher.publish(Topics.REQUESTS, request.id(), request.accepted(recorded.minus(Duration.ofMinutes(10)), recorded)).get();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reader.of(request.id()))
                .extracting(SlaEvent::getStage, SlaEvent::getKind)
                .contains(org.assertj.core.groups.Tuple.tuple(Stage.ACCEPT, SlaEventKind.BREACHED),
                        org.assertj.core.groups.Tuple.tuple(Stage.DISPATCH, SlaEventKind.STARTED)));
        SlaEvent breach = reader.of(request.id()).stream().filter(e -> e.getKind() == SlaEventKind.BREACHED).findFirst().orElseThrow();
        assertThat(breach.getEventId()).isEqualTo(request.id() + "-ACCEPT-1-BREACHED");
        assertThat(breach.getResponsible().getEmployeeId()).isEqualTo("desk01");
        assertThat(breach.getDurationMillis()).isEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(breach.getStandardMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
                .uri("/api/stages?requestId={id}", request.id())
                .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].stage").isEqualTo("DISPATCH")
                .jsonPath("$[0].responsibleId").isEqualTo("desk01")
                .jsonPath("$.length()").isEqualTo(1));
        client.get().uri("/api/stages?department={d}", "customer-service")
                .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.requestId == '" + request.id() + "')].stage").isEqualTo(List.of("DISPATCH"));
    }

    @Test
    void anUndecodableRequestEventIsParkedOnTheDeadLetterTopic() throws Exception {
        String key = "R-poison-" + UUID.randomUUID();
        Map<String, Object> common = Map.of("bootstrap.servers", TestInfrastructure.bootstrapServers());
        try (var producer = new KafkaProducer<>(common, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), key, new byte[]{1, 2, 3})).get();
        }
        Map<String, Object> consumerConfig = new java.util.HashMap<>(common);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REQUESTS.deadLetterName()));
            List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(parked::add);
                assertThat(parked).anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(key);
                    assertThat(r.value()).containsExactly(1, 2, 3);
                });
            });
        }
    }

    @Test
    void healthIncludesTheEngine() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/actuator/health")
                .headers(h -> h.setBasicAuth("admin", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP"));
        assertThat(engineHealth.health().getDetails()).containsEntry("state", "RUNNING");
    }

    @Test
    void stagesNeedSignInAndExactlyOneFilter() {
        client.get().uri("/api/stages?requestId=x").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/stages").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theCalendarShowsWhichYearsHaveTheirHolidays() {
        client.get().uri("/api/calendar").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/calendar").headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.workStart").isEqualTo("09:00")
                .jsonPath("$.holidayYears[0]").isEqualTo(2026)
                .jsonPath("$.missingHolidayYears[?(@ == 2026)]").doesNotExist();
    }
}
