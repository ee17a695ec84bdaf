package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.fcr.events.RequestEvent;
import org.fcr.intake.messaging.PendingRelays;
import org.fcr.intake.store.RequestStore;
import org.fcr.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 18.1: an undecodable record on fcr.requests must not disable crash recovery, and a later sequence
 * must never reach the topic while an earlier one of the same request is still pending.
 */
@TestPropertySource(properties = "fcr.intake.publish-timeout=PT1S")
class PoisonAndRelayOrderTest extends IntakeServiceTestBase {

    @Autowired
    KafkaTemplate<byte[], byte[]> bytes;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    PendingRelays pending;

    @Test
    void aPoisonRecordOnTheTopicIsSkippedAndCountedAndTheRepairStillRebuilds() throws Exception {
        String id = create(SKELETON);
        for (int p = 0; p < 3; p++) {
            bytes.send(new ProducerRecord<>(Topics.REQUESTS.name(), p, ("POISON-" + p).getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        mongo.remove(Query.query(Criteria.where("_id").is(id)), RequestStore.COLLECTION).block();

        post("admin", "/api/admin/repair?lookback=PT1H").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.undecodable").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(3))
                .jsonPath("$.rebuilt").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(1));
        assertThat(timelineTypes(id)).startsWith("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED");
    }

    /**
     * The command's wait for the earlier write (publish timeout, 1 s here) ends before the sweeper relays that
     * write (after 5 s): the command must answer 503 and leave its events to the sweeper, which relays both in
     * order. It used to publish anyway, and the earlier sequence reached the topic after the later one.
     */
    @Test
    void aCommandWaitingOnAnEarlierUnacknowledgedWriteIsNotPublishedBeforeIt() {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        long version = ((Number) view(id).get("version")).longValue();
        // an earlier write of this request whose events the broker has not acknowledged yet
        pending.register(id, List.of(version));

        command("desk01", id, "escalate", "{\"reason\":\"催办\"}").expectStatus().isEqualTo(503)
                .expectHeader().contentType("application/problem+json");

        List<Long> sequences = new java.util.ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!sequences.contains(version + 1) && System.nanoTime() < until) {
            sequences = publishedFor(id, (int) version + 2).stream().map(RequestEvent::getSequence).toList();
        }
        assertThat(sequences).as("fcr.requests, in order, for " + id).contains(version + 1);
        assertThat(sequences.lastIndexOf(version)).as("the earlier sequence never after the later one")
                .isLessThan(sequences.indexOf(version + 1));
        assertThat(pending.size()).isZero();
    }
}
