package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fcr.events.Actor;
import org.fcr.events.EscalationLevel;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.SideCommands;
import org.fcr.intake.store.OpenWork;
import org.fcr.intake.store.RequestStore;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

/** The open lists come from memory, follow every writer through fcr.requests and fcr.sla, and drop closed work. */
class OpenWorkTest extends IntakeServiceTestBase {

    @Autowired
    OpenWork openWork;

    @Autowired
    RequestStore store;

    @Autowired
    TopicPublisher publisher;

    @Autowired
    MeterRegistry meters;

    @SuppressWarnings("unchecked")
    Map<String, Object> openItem(String id) {
        Map<String, Object> page = get("desk01", "/api/requests?status=OPEN&size=200&sort=receivedAt,desc").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(i -> id.equals(i.get("id")))
                .findFirst().orElse(null);
    }

    @Test
    void aNewRequestIsInTheOpenListAtOnceAndLeavesItWhenClosed() {
        await().atMost(Duration.ofSeconds(20)).until(openWork::loaded);
        String survivor = create(SKELETON);
        String duplicate = create(SKELETON);
        assertThat(openItem(duplicate)).isNotNull().containsEntry("stage", "AWAITING_DISPATCH");

        command("desk01", duplicate, "merge", "{\"into\":\"" + survivor + "\"}").expectStatus().isOk();

        assertThat(openItem(duplicate)).isNull();
        assertThat(openItem(survivor)).isNotNull();
    }

    @Test
    void theOpenRequestsHeldAndTheUnacknowledgedWritesAreMetrics() {
        await().atMost(Duration.ofSeconds(20)).until(openWork::loaded);
        create(SKELETON);
        assertThat(meters.get("fcr.intake.open.requests").gauge().value()).isEqualTo(openWork.size()).isPositive();
        // every 201 came after the broker's acknowledgement: nothing is left waiting for it
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("fcr.intake.relays.pending").gauge().value() == 0.0);
    }

    @Test
    void pagesAreToldOfEachChangeBySse() {
        await().atMost(Duration.ofSeconds(20)).until(openWork::loaded);
        var events = client.get().uri("/api/requests/changes")
                .headers(h -> h.setBasicAuth("desk01", org.fcr.support.test.TestInfrastructure.PASSWORD))
                .accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<
                        org.springframework.http.codec.ServerSentEvent<Map<String, String>>>() { })
                .getResponseBody();
        var first = events.filter(e -> "changed".equals(e.event()))
                .doOnSubscribe(s -> new Thread(() -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                    create(SKELETON);
                }).start())
                .blockFirst(Duration.ofSeconds(20));
        assertThat(first).isNotNull();
        assertThat(first.data()).containsKey("id");
    }

    @Test
    void aChangeWrittenByAnotherInstanceArrivesThroughTheTopic() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(openWork::loaded);
        String id = create(SKELETON);
        // another intake instance: writes the store and publishes, without touching this instance's memory
        var current = store.find(id).block().state();
        Actor sup = Actor.newBuilder().setEmployeeId("sup01").setName("周主管").setRole("SUPERVISOR").setRank(3).build();
        Decision d = SideCommands.escalate(current, sup, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                EscalationLevel.SUPERVISOR, "别的实例", null);
        store.append(d, current.sequence()).block();
        publisher.publish(Topics.REQUESTS, id, d.events().get(0)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> openItem(id).get("version").equals(4));
    }

    @Test
    void deadlinesReachTheOpenListThroughTheSlaTopic() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(openWork::loaded);
        String id = create(SKELETON);
        Instant past = Instant.parse("2020-01-01T00:05:00Z");
        publisher.publish(Topics.SLA, id, WalkingSkeletonTest.sla(id, SlaEventKind.BREACHED, Stage.DISPATCH, past)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(openItem(id).get("overdue")));
        assertThat(openItem(id).get("nextDeadline")).isEqualTo("2020-01-01T00:05:00Z");
        get("desk01", "/api/requests?status=OPEN&overdue=true&size=200").exchange().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]").exists();
    }
}
