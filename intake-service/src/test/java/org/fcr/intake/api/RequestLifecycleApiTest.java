package org.fcr.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fcr.events.RequestEvent;
import org.fcr.intake.IntakeServiceTestBase;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Every stage command through HTTP, on the real broker: signed, in order, refused out of order. */
class RequestLifecycleApiTest extends IntakeServiceTestBase {

    @Autowired
    TopicPublisher publisher;

    String dispatchedToEngineering() throws Exception {
        String id = create(SKELETON);
        publisher.publish(Topics.DISPATCH_DECISIONS, id, org.fcr.intake.WalkingSkeletonTestAccess.decision(id, 1)).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(view(id).get("stage")));
        return id;
    }

    @Test
    void aRequestGoesThroughEveryStageSignedByWhoeverDidIt() throws Exception {
        String id = dispatchedToEngineering();

        command("eng01", id, "acknowledge", null).expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("ACKNOWLEDGED").jsonPath("$.handler.employeeId").isEqualTo("eng01");
        command("eng01", id, "organise", "{\"note\":\"带上扳手\"}").expectStatus().isOk();
        command("eng01", id, "on-site", null).expectStatus().isOk();
        command("eng01", id, "complete", "{\"result\":\"已更换水管\",\"customerSignaturePresent\":true}").expectStatus().isOk();
        command("desk01", id, "sign-off", "{\"signedBy\":\"李先生\",\"method\":\"纸质\"}").expectStatus().isOk();
        command("desk01", id, "report-back", null).expectStatus().isOk();
        command("desk01", id, "notify-customer", "{\"method\":\"电话\"}").expectStatus().isOk();
        command("desk01", id, "revisit", "{\"solved\":true,\"satisfaction\":\"SATISFIED\"}").expectStatus().isOk();
        command("desk01", id, "close", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED", "DISPATCHED",
                "ACKNOWLEDGED", "ORGANISED", "ON_SITE", "COMPLETED", "CUSTOMER_SIGNED_OFF", "REPORTED_BACK",
                "CUSTOMER_NOTIFIED", "REVISITED", "CLOSED");
        List<RequestEvent> published = publishedFor(id, 13);
        assertThat(published).extracting(RequestEvent::getSequence)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(published.get(7).getActor().getEmployeeId()).isEqualTo("eng01");
        assertThat(published.get(7).getActor().getDepartment()).isEqualTo("engineering");
    }

    @Test
    void aForwardedTicketIsReroutedAndANotSolvedRevisitReopensItForAnotherDispatch() throws Exception {
        String id = dispatchedToEngineering();
        command("eng01", id, "forward", "{\"toDepartment\":\"security\",\"reason\":\"门禁归安保\"}").expectStatus().isOk();
        publisher.publish(Topics.DISPATCH_DECISIONS, id,
                org.fcr.intake.WalkingSkeletonTestAccess.reroute(id, 2, "security")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> "security".equals(view(id).get("department")));

        command("eng01", id, "acknowledge", null).expectStatus().isForbidden();
        command("sec01", id, "acknowledge", null).expectStatus().isOk();
        command("sec01", id, "on-site", "{\"arrivedAt\":\"2999-01-01T00:00:00Z\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("arrivedAt");
        command("sec01", id, "on-site", null).expectStatus().isOk();
        command("sec01", id, "complete", "{\"result\":\"已修门禁\"}").expectStatus().isOk();
        command("desk01", id, "report-back", null).expectStatus().isOk();
        command("desk01", id, "revisit", "{\"solved\":false,\"satisfaction\":\"NOT_SATISFIED\",\"comment\":\"还是坏\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo("REGISTERED")
                .jsonPath("$.expected[0]").isEqualTo("request-dispatch");
        command("desk01", id, "request-dispatch", "{\"suggestedDepartment\":\"engineering\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("AWAITING_DISPATCH");

        assertThat(timelineTypes(id)).containsSubsequence("DISPATCHED", "FORWARDED", "DISPATCHED", "ACKNOWLEDGED",
                "ON_SITE", "COMPLETED", "REPORTED_BACK", "REVISITED", "REOPENED", "DISPATCH_REQUESTED");
    }

    @Test
    void aCommandOutOfOrderIsA409NamingTheExpectedStage() throws Exception {
        String id = dispatchedToEngineering();
        command("eng01", id, "acknowledge", null).expectStatus().isOk();

        command("eng01", id, "complete", "{\"result\":\"done\"}").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://fcr.example.org/problems/stage-conflict")
                .jsonPath("$.currentStage").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.expected[0]").isEqualTo("organise")
                .jsonPath("$.expected[1]").isEqualTo("on-site");
    }

    @Test
    void returnNeedsAReasonAndShowsInTheDepartmentsReturnedList() throws Exception {
        String id = dispatchedToEngineering();

        command("eng01", id, "return", "{}").expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("reason");
        command("eng01", id, "return", "{\"reason\":\"门禁属于安保\",\"suggestedDepartment\":\"security\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("AWAITING_DISPATCH");

        get("eng01", "/api/departments/engineering/returned").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]").exists();
        get("eng01", "/api/departments/engineering/queue").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]").doesNotExist();
    }

    @Test
    void anotherDepartmentsStaffAreRefusedAndTheWrongRoleToo() throws Exception {
        String id = dispatchedToEngineering();

        command("sec01", id, "acknowledge", null).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        command("staff01", id, "acknowledge", null).expectStatus().isForbidden();
        command("desk01", id, "first-responder", "{\"firstResponder\":\"staff01\",\"reason\":\"x\"}")
                .expectStatus().isForbidden();
    }

    @Test
    void aManagerOverridesTheFirstResponderWithAReason() {
        String id = create(SKELETON);

        command("mgr01", id, "first-responder", "{\"firstResponder\":\"staff01\",\"reason\":\"王芳调岗\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.firstResponder.employeeId").isEqualTo("staff01");
        Map<String, Object> last = lastEvent(id);
        assertThat(last.get("type")).isEqualTo("FIRST_RESPONDER_OVERRIDDEN");
        assertThat(last.toString()).contains("王芳调岗");
    }

    @Test
    void theHighestRankOfThoseAskedTogetherBecomesFirstResponder() {
        String json = SKELETON.replace("\"description\"", "\"askedTogether\":[\"staff01\",\"sup01\",{\"employeeId\":\"T9\",\"name\":\"临时工\",\"rank\":0}],\"description\"");
        String id = create(json);

        assertThat(((Map<?, ?>) view(id).get("firstResponder")).get("employeeId")).isEqualTo("sup01");
    }

    @Test
    void escalationAndThePaidServiceStepsWork() {
        String id = create(SKELETON.replace("\"IN_SCOPE\"", "\"OUT_OF_SCOPE\",\"paid\":true"));

        command("desk01", id, "consent", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.expected[0]").isEqualTo("quote");
        command("desk01", id, "quote", "{\"amountFen\":8000}").expectStatus().isOk();
        command("desk01", id, "consent", "{\"note\":\"电话确认\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.consent").isEqualTo(true);
        command("desk01", id, "escalate", "{\"level\":\"OFFICE_MANAGER\",\"reason\":\"业主要求主任处理\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.escalations").isEqualTo(1);
        command("desk01", id, "escalate", "{\"level\":\"BOSS\",\"reason\":\"x\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("level");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> lastEvent(String id) {
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) view(id).get("timeline");
        return timeline.get(timeline.size() - 1);
    }
}
