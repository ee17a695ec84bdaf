package org.fcr.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.fcr.scoring.support.Broker;
import org.fcr.scoring.support.ScoringServiceTest;
import org.fcr.scoring.support.Story;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The walking skeleton on a real broker and Mongo server: events in, entry out on fcr.scores and the API. */
@ScoringServiceTest
class ScoringOnBrokerTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "fcr_scoring_test");
    }

    @Autowired
    WebTestClient client;
    @Autowired
    TopicPublisher publisher;
    @Autowired
    KafkaTemplate<byte[], byte[]> bytes;

    @Test
    void aBreachBecomesALedgerEntryOnTheTopicAndInTheApi() throws Exception {
        Story story = Story.of("REQ-BROKER-1", Instant.parse("2026-11-20T02:00:00Z"));
        publisher.publish(Topics.REQUESTS, story.requestId(), story.accepted()).get();
        story.after(Duration.ofMinutes(6));
        publisher.publish(Topics.SLA, story.requestId(), story.sla(SlaEventKind.BREACHED, Stage.ACCEPT, Story.DESK, null)).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
                .uri("/api/ledger?requestId=" + story.requestId())
                .headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].rule").isEqualTo("STAGE_LATE")
                .jsonPath("$[0].points").isEqualTo(-5)
                .jsonPath("$[0].fineYuan").isEqualTo(0)
                .jsonPath("$[0].subjectId").isEqualTo("desk01")
                .jsonPath("$[0].entryId").isEqualTo("STAGE_LATE:P:desk01:REQ-BROKER-1-ACCEPT-1-BREACHED"));

        List<ScoreEntry> published = Broker.readAll(Topics.SCORES.name(), Duration.ofSeconds(2)).stream()
                .filter(r -> "desk01".equals(new String(r.key(), StandardCharsets.UTF_8)))
                .map(r -> Topics.SCORES.valueSerde().deserializer().deserialize(Topics.SCORES.name(), r.value()))
                .filter(e -> story.requestId().equals(e.getRequestId()))
                .toList();
        assertThat(published).extracting(ScoreEntry::getRule, ScoreEntry::getPoints, ScoreEntry::getSubjectId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("STAGE_LATE", -5, "desk01"));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        bytes.send(new ProducerRecord<>(Topics.SLA.name(), "REQ-POISON".getBytes(StandardCharsets.UTF_8),
                "not avro".getBytes(StandardCharsets.UTF_8))).get();
        Story story = Story.of("REQ-AFTER-POISON", Instant.parse("2026-11-20T03:00:00Z"));
        publisher.publish(Topics.SLA, story.requestId(),
                story.sla(SlaEventKind.BREACHED, Stage.ACCEPT, Story.DESK, null)).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Broker.readAll(Topics.SLA.deadLetterName(), Duration.ofSeconds(1)))
                .anySatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("REQ-POISON")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
                .uri("/api/ledger?requestId=" + story.requestId())
                .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1));
    }
}
