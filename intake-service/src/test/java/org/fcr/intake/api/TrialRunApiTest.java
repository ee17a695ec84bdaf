package org.fcr.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.fcr.events.RequestEvent;
import org.fcr.intake.IntakeServiceTestBase;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Trial-run mode (issue 8) on the real broker and Mongo wire server: a manager's switch is audited, others
 * are refused, and a request taken by staff of a department in TRIAL is published as a drill.
 */
class TrialRunApiTest extends IntakeServiceTestBase {

    /** The cleaning department: its staff (clean01) accept no request in the other tests. */
    static final String DEPARTMENT = "/api/trial/departments/cleaning";

    private WebTestClient.ResponseSpec put(String user, String uri, String json) {
        return client.put().uri(uri).headers(h -> h.setBasicAuth(user, TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> createAs(String user, String body) {
        return post(user, "/api/requests").bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagersSwitchIsAuditedAndStaffOfATrialDepartmentAcceptDrills() {
        try {
            Map<String, Object> answer = json(put("mgr01", DEPARTMENT, "{\"mode\":\"TRIAL\",\"reason\":\"保洁部模拟试运行\"}"));
            Map<String, Object> audit = (Map<String, Object>) answer.get("audit");
            assertThat(answer.get("changed")).isEqualTo(true);
            assertThat(audit).containsEntry("actorId", "mgr01").containsEntry("actorName", "吴主任")
                    .containsEntry("action", "DEPARTMENT_MODE").containsEntry("subject", "cleaning")
                    .containsEntry("from", "LIVE").containsEntry("to", "TRIAL").containsEntry("reason", "保洁部模拟试运行");
            assertThat(audit.get("at")).isNotNull();
            assertThat(json(get("desk01", "/api/trial").exchange()).get("departments"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .contains(Map.of("code", "cleaning", "mode", "TRIAL"), Map.of("code", "engineering", "mode", "LIVE"));
            List<Map<String, Object>> entries = get("mgr01", "/api/trial/audit").exchange().expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            assertThat(entries).contains(audit);

            Map<String, Object> drill = createAs("clean01", SKELETON);
            Map<String, Object> real = createAs("desk01", SKELETON);

            String drillId = (String) drill.get("id");
            assertThat(drill.get("drill")).isEqualTo(true);
            assertThat(real.get("drill")).isEqualTo(false);
            assertThat(view(drillId).get("drill")).isEqualTo(true);
            List<RequestEvent> published = publishedFor(drillId, 3);
            assertThat(published).hasSize(3).allSatisfy(e -> assertThat(e.getContext().getDrill()).isTrue());
            assertThat(published.get(0).getContext().getFirstResponder().getDepartment()).isEqualTo("cleaning");
            Map<String, Object> listed = json(get("desk01", "/api/requests?status=OPEN&firstResponder=clean01&size=50").exchange());
            assertThat((List<Map<String, Object>>) listed.get("items"))
                    .filteredOn(i -> drillId.equals(i.get("id"))).singleElement()
                    .satisfies(i -> assertThat(i.get("drill")).isEqualTo(true));
        } finally {
            put("mgr01", DEPARTMENT, "{\"mode\":\"LIVE\",\"reason\":\"试运行结束，正式运行\"}").expectStatus().isOk();
        }
        Map<String, Object> again = json(put("mgr01", DEPARTMENT, "{\"mode\":\"LIVE\",\"reason\":\"重复\"}"));
        assertThat(again.get("changed")).isEqualTo(false);
        assertThat(createAs("clean01", SKELETON).get("drill")).isEqualTo(false);
    }

    @Test
    void onlyManagersChangeTheTrialSettings() {
        put("desk01", DEPARTMENT, "{\"mode\":\"TRIAL\",\"reason\":\"想试试\"}").expectStatus().isForbidden();
        put("eng01", DEPARTMENT, "{\"mode\":\"TRIAL\",\"reason\":\"想试试\"}").expectStatus().isForbidden();
        post("desk01", "/api/trial/periods").bodyValue(
                "{\"from\":\"2019-01-01T00:00:00Z\",\"to\":\"2019-01-02T00:00:00Z\",\"reason\":\"x\"}")
                .exchange().expectStatus().isForbidden();
        put("admin", "/api/trial/departments/security", "{\"mode\":\"LIVE\",\"reason\":\"确认正式运行\"}")
                .expectStatus().isOk();
    }

    @Test
    void aMissingReasonOrAnUnknownModeIsA400Problem() {
        put("mgr01", DEPARTMENT, "{\"mode\":\"TRIAL\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        put("mgr01", DEPARTMENT, "{\"mode\":\"TRIAL\",\"reason\":\"   \"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put("mgr01", DEPARTMENT, "{\"mode\":\"HALF\",\"reason\":\"试\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("mode");
        put("mgr01", "/api/trial/departments/Bad.Code", "{\"mode\":\"TRIAL\",\"reason\":\"试\"}").expectStatus().isBadRequest();
        post("mgr01", "/api/trial/periods").bodyValue(
                "{\"from\":\"2019-01-02T00:00:00Z\",\"to\":\"2019-01-01T00:00:00Z\",\"reason\":\"倒了\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("to");
        post("mgr01", "/api/trial/periods/period-999999/end").bodyValue("{\"reason\":\"无\"}")
                .exchange().expectStatus().isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestsReceivedInADeclaredTrialPeriodAreDrills() {
        // a period of the last 30 days, ended at once: requests of the other tests (received now) stay real
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofDays(30));
        Instant to = now.plus(Duration.ofHours(1));
        Map<String, Object> declared = post("mgr01", "/api/trial/periods").bodyValue("{\"from\":\"" + from + "\",\"to\":\""
                        + to + "\",\"reason\":\"内部模拟试运行\",\"confirmWholeSite\":true}")
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> audit = (Map<String, Object>) declared.get("audit");
        String periodId = (String) audit.get("subject");
        try {
            assertThat(audit).containsEntry("action", "PERIOD_DECLARED").containsEntry("actorId", "mgr01")
                    .containsEntry("to", from + "/" + to);
            assertThat(((Map<String, Object>) declared.get("settings")).get("activePeriod")).isEqualTo(periodId);

            String inside = SKELETON.replace("\"description\"", "\"receivedAt\":\"" + now.minus(Duration.ofDays(20))
                    + "\",\"description\"");
            String before = SKELETON.replace("\"description\"", "\"receivedAt\":\"" + now.minus(Duration.ofDays(40))
                    + "\",\"description\"");
            assertThat(createAs("desk01", inside).get("drill")).isEqualTo(true);
            assertThat(createAs("desk01", before).get("drill")).isEqualTo(false);
            assertThat(createAs("desk01", SKELETON.replace("{\"channel\"", "{\"drill\":true,\"channel\"")).get("drill"))
                    .isEqualTo(true);
        } finally {
            post("mgr01", "/api/trial/periods/" + periodId + "/end").bodyValue("{\"reason\":\"测试结束\"}").exchange()
                    .expectStatus().isOk();
        }
        assertThat(createAs("desk01", SKELETON).get("drill")).isEqualTo(false);
    }

    /** Issue 18: a number read as a 2038 date made a 37-year drill of the whole site; each line is one such typo. */
    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"from\":1733000000,\"to\":2145916800,\"reason\":\"数字\",\"confirmWholeSite\":true}|from",
            "{\"from\":\"2026-12-05\",\"to\":\"2026-12-06\",\"reason\":\"无时刻\",\"confirmWholeSite\":true}|from",
            "{\"from\":\"NOW\",\"to\":\"2038-01-19T03:14:08Z\",\"reason\":\"37年\",\"confirmWholeSite\":true}|to",
            "{\"from\":\"NOW\",\"to\":\"IN93DAYS\",\"reason\":\"太长\",\"confirmWholeSite\":true}|to",
            "{\"from\":\"2019-05-01T00:00:00Z\",\"to\":\"2019-05-02T00:00:00+08:00\",\"reason\":\"过去\",\"confirmWholeSite\":true}|to",
            "{\"from\":\"NOW\",\"to\":\"IN7DAYS\",\"reason\":\"没确认\"}|confirmWholeSite",
            "{\"from\":\"NOW\",\"to\":\"IN7DAYS\",\"reason\":\"没确认\",\"confirmWholeSite\":false}|confirmWholeSite"})
    void aTrialPeriodThatIsNoISODateTooLongInThePastOrUnconfirmedIsRefused(String body, String field) {
        Instant now = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        String json = body.replace("\"NOW\"", "\"" + now + "\"")
                .replace("\"IN93DAYS\"", "\"" + now.plus(Duration.ofDays(93)) + "\"")
                .replace("\"IN7DAYS\"", "\"" + now.plus(Duration.ofDays(7)) + "\"");
        post("mgr01", "/api/trial/periods").bodyValue(json).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field);
        assertThat(json(get("desk01", "/api/trial").exchange()).get("activePeriod")).isNull();
    }

    @Test
    void aPageOfAnotherServiceMayReadTheTrialSettingsOthersMayNot() {
        client.options().uri("/api/trial")
                .header("Origin", "http://localhost:8084")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:8084");
        client.options().uri("/api/trial")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange().expectStatus().isForbidden();
    }
}
