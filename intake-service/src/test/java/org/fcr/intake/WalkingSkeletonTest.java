package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.DispatchDecision;
import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract between services (helper brief): create → events on fcr.requests → DISPATCHED → deadlines. */
class WalkingSkeletonTest extends IntakeServiceTestBase {

    @Autowired
    TopicPublisher publisher;

    @Test
    void createdRequestIsOnTheBrokerWithItsFirstThreeEventsBeforeThe201() {
        String id = create(SKELETON);

        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED");
        List<RequestEvent> published = publishedFor(id, 3);
        assertThat(published).extracting(RequestEvent::getEventId).containsExactly(id + "-1", id + "-2", id + "-3");
        assertThat(published).extracting(RequestEvent::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(published.get(0).getContext().getFirstResponder().getEmployeeId()).isEqualTo("desk01");
        assertThat(published.get(0).getActor().getName()).isEqualTo("王芳");
    }

    @Test
    void aDispatchDecisionIsAppendedOnceHoweverOftenItArrives() throws Exception {
        String id = create(SKELETON);
        DispatchDecision decision = decision(id, 1, false);

        publisher.publish(Topics.DISPATCH_DECISIONS, id, decision).get();
        publisher.publish(Topics.DISPATCH_DECISIONS, id, decision).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> timelineTypes(id).contains("DISPATCHED"));
        Thread.sleep(500);
        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED", "DISPATCHED");
        Map<String, Object> view = view(id);
        assertThat(view.get("department")).isEqualTo("engineering");
        assertThat(view.get("stage")).isEqualTo("DISPATCHED");
        List<RequestEvent> published = publishedFor(id, 4);
        assertThat(published.get(3).getContext().getDepartment()).isEqualTo("engineering");
    }

    @Test
    void arbitrationRequiredAddsAnArbitrationRequest() throws Exception {
        String id = create(SKELETON);
        publisher.publish(Topics.DISPATCH_DECISIONS, id, decision(id, 3, true)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> timelineTypes(id).contains("ARBITRATION_REQUESTED"));
        assertThat(timelineTypes(id)).endsWith("DISPATCHED", "ARBITRATION_REQUESTED");
    }

    @Test
    void slaClocksAreShownWithTheRequestAndNeverComputedHere() throws Exception {
        String id = create(SKELETON);
        Instant deadline = Instant.parse("2030-01-01T00:05:00Z");
        publisher.publish(Topics.SLA, id, sla(id, SlaEventKind.STARTED, Stage.ACKNOWLEDGE, deadline)).get();
        publisher.publish(Topics.SLA, id, sla(id, SlaEventKind.BREACHED, Stage.ACCEPT, Instant.parse("2020-01-01T00:05:00Z"))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> ((List<?>) view(id).get("deadlines")).size() == 2);
        Map<String, Object> view = view(id);
        assertThat(view.get("overdue")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deadlines = (List<Map<String, Object>>) view.get("deadlines");
        assertThat(deadlines).extracting(d -> d.get("stage"), d -> d.get("kind"), d -> d.get("deadline"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ACCEPT", "BREACHED", "2020-01-01T00:05:00Z"),
                        org.assertj.core.groups.Tuple.tuple("ACKNOWLEDGE", "STARTED", "2030-01-01T00:05:00Z"));

        publisher.publish(Topics.SLA, id, sla(id, SlaEventKind.MET, Stage.ACCEPT, Instant.parse("2020-01-01T00:05:00Z"))).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> view(id).get("overdue").equals(false));
    }

    static DispatchDecision decision(String requestId, int attempt, boolean arbitration) {
        Actor system = Actor.newBuilder().setEmployeeId("dispatch-service").setName("调度").setRole("SYSTEM").build();
        return DispatchDecision.newBuilder()
                .setDecisionId(requestId + "-dispatch-" + attempt)
                .setRequestId(requestId)
                .setDepartment("engineering")
                .setDepartmentName("工程维修部")
                .setAttempt(attempt)
                .setArbitrationRequired(arbitration)
                .setReturnCount(arbitration ? 2 : 0)
                .setDecidedAt(Instant.now())
                .setDecidedBy(system)
                .build();
    }

    static SlaEvent sla(String requestId, SlaEventKind kind, Stage stage, Instant deadline) {
        return SlaEvent.newBuilder()
                .setEventId(requestId + "-" + stage + "-1-" + kind)
                .setRequestId(requestId)
                .setKind(kind)
                .setStage(stage)
                .setCategory(Category.FAULT_REPAIR)
                .setStartedAt(deadline.minusSeconds(300))
                .setDeadline(deadline)
                .setOccurredAt(Instant.now())
                .build();
    }
}
