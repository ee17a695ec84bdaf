package org.fcr.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.fcr.scoring.messaging.RequestScoring;
import org.fcr.scoring.messaging.SlaScoring;
import org.fcr.scoring.support.Pipeline;
import org.fcr.scoring.support.SampleMonth;
import org.fcr.scoring.support.ScoringServiceTest;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The HTTP API: manual entries, appeals, assessments, rankings, summary and exports, with their roles. */
@ScoringServiceTest
class LedgerApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "fcr_scoring_test");
    }

    @Autowired
    WebTestClient client;
    @Autowired
    RequestScoring requests;
    @Autowired
    SlaScoring sla;
    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient.RequestBodySpec post(String user, String path) {
        return client.post().uri(path).headers(h -> h.setBasicAuth(user, TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON);
    }

    WebTestClient.ResponseSpec get(String user, String path) {
        return client.get().uri(path).headers(h -> h.setBasicAuth(user, TestInfrastructure.PASSWORD)).exchange();
    }

    Map<String, Object> manual(String rule, Integer fine, String key) {
        var body = new java.util.HashMap<String, Object>(Map.of("rule", rule, "subjectType", "PERSON", "subjectId", "eng01",
                "reason", "业主投诉漏水处理不当被媒体报道", "idempotencyKey", key));
        if (fine != null) {
            body.put("fineYuan", fine);
        }
        return body;
    }

    @Test
    void onlyManagersRecordManualEntriesWithinTheTableAndIdempotently() {
        String key = UUID.randomUUID().toString();
        post("desk01", "/api/ledger/manual").bodyValue(manual("MEDIA_EXPOSURE", 100, key)).exchange()
                .expectStatus().isForbidden();
        post("mgr01", "/api/ledger/manual").bodyValue(manual("MEDIA_EXPOSURE", 300, key)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("mgr01", "/api/ledger/manual").bodyValue(Map.of("rule", "HARM", "subjectType", "PERSON",
                "subjectId", "eng01", "reason", " ", "idempotencyKey", key)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post("mgr01", "/api/ledger/manual").bodyValue(manual("MEDIA_EXPOSURE", 100, key)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.manual").isEqualTo(true)
                .jsonPath("$.fineYuan").isEqualTo(100)
                .jsonPath("$.subjectName").isEqualTo("刘强")
                .jsonPath("$.recordedBy").isEqualTo("吴主任")
                .jsonPath("$.entryId").isEqualTo("MEDIA_EXPOSURE:P:eng01:manual-" + key);
        post("mgr01", "/api/ledger/manual").bodyValue(manual("MEDIA_EXPOSURE", 100, key)).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.entryId").isEqualTo("MEDIA_EXPOSURE:P:eng01:manual-" + key);
    }

    @Test
    void thePersonAppealsAManagerCancelsAndTheEntryStaysVisibleAsCancelled() {
        String key = UUID.randomUUID().toString();
        String entryId = new String(post("mgr01", "/api/ledger/manual").bodyValue(manual("HARM", null, key)).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.entryId").value(v -> { })
                .returnResult().getResponseBodyContent(), StandardCharsets.UTF_8)
                .replaceAll(".*\"entryId\":\"([^\"]+)\".*", "$1");

        post("eng02", "/api/ledger/" + entryId + "/appeal").bodyValue(Map.of("reason", "不是我")).exchange()
                .expectStatus().isForbidden();
        post("eng01", "/api/ledger/" + entryId + "/appeal").bodyValue(Map.of("reason", "当时正在处理另一起事故")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPEALED");
        get("mgr01", "/api/ledger/appeals").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.entryId == '" + entryId + "')].status").isEqualTo("APPEALED");
        post("eng01", "/api/ledger/" + entryId + "/decision").bodyValue(Map.of("decision", "CANCEL", "reason", "x"))
                .exchange().expectStatus().isForbidden();
        post("mgr01", "/api/ledger/" + entryId + "/decision").bodyValue(Map.of("decision", "CANCEL", "reason", "核实属实"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.history.length()").isEqualTo(2);
        post("mgr01", "/api/ledger/" + entryId + "/decision").bodyValue(Map.of("decision", "UPHOLD", "reason", "again"))
                .exchange().expectStatus().isEqualTo(409);
        get("mgr01", "/api/ledger/appeals").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.entryId == '" + entryId + "')]").isEmpty();
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        get("eng01", "/api/ledger?subjectId=eng01&period=" + month).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.entryId == '" + entryId + "')].status").isEqualTo("CANCELLED");
    }

    @Test
    void assessmentsRankingsSummaryAndExportsOfAMonth() {
        new Pipeline(requests, sla, mongo).feed(SampleMonth.inOrder(
                SampleMonth.requests("API", Instant.parse("2025-02-02T01:00:00Z"))));

        get("mgr01", "/api/assessments?period=2025-02&type=DEPARTMENT").expectStatus().isOk().expectBody()
                .jsonPath("$[*].subjectId").value(ids -> assertThat((java.util.List<String>) ids)
                        .contains("engineering", "security", "cleaning"))
                .jsonPath("$[?(@.subjectId == 'engineering')].composite").isNotEmpty()
                .jsonPath("$[?(@.subjectId == 'engineering')].requests").isEqualTo(6);
        get("mgr01", "/api/assessments?period=2025-01..2025-02&type=PERSON").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.subjectId == 'eng01')].points").isNotEmpty();
        get("mgr01", "/api/rankings?period=2025-02&type=PERSON").expectStatus().isOk().expectBody()
                .jsonPath("$.top").isNotEmpty()
                .jsonPath("$.bottom").isNotEmpty()
                .jsonPath("$.ranked[0].composite").isNotEmpty();
        get("mgr01", "/api/summary?period=2025-02").expectStatus().isOk().expectBody()
                .jsonPath("$.requests").isEqualTo(14)
                .jsonPath("$.byCategory.COMPLAINT").isEqualTo(2)
                .jsonPath("$.repeatComplaints").isNotEmpty();
        get("mgr01", "/api/assessments?period=2025-13").expectStatus().isBadRequest();

        byte[] csv = get("mgr01", "/api/exports/rankings.csv?period=2025-02&type=DEPARTMENT").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").expectBody().returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"名次 rank\"").contains("\"engineering\"");
        byte[] xlsx = get("mgr01", "/api/exports/ledger.xlsx?period=2025-02").expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        get("mgr01", "/api/exports/ledger.pdf?period=2025-02").expectStatus().isBadRequest();
    }

    @Test
    void drillRequestsGoToTheDrillLedgerAndNeverCount() {
        org.fcr.scoring.support.Story drill = org.fcr.scoring.support.Story
                .of("DRILL-" + UUID.randomUUID().toString().substring(0, 8), Instant.parse("2025-03-03T01:00:00Z")).drill();
        java.util.List<Object> events = new java.util.ArrayList<>();
        events.add(drill.accepted());
        drill.after(java.time.Duration.ofMinutes(6));
        events.add(drill.sla(org.fcr.events.SlaEventKind.BREACHED, org.fcr.events.Stage.ACCEPT,
                org.fcr.scoring.support.Story.DESK, null));
        new Pipeline(requests, sla, mongo).feed(events);

        get("mgr01", "/api/ledger?requestId=" + drill.requestId()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].drill").isEqualTo(true)
                .jsonPath("$[0].rule").isEqualTo("STAGE_LATE");
        get("mgr01", "/api/assessments?period=2025-03&type=PERSON").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        get("mgr01", "/api/summary?period=2025-03").expectStatus().isOk().expectBody()
                .jsonPath("$.requests").isEqualTo(0);
        get("mgr01", "/api/ledger?period=2025-03").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void theRulesTableInForceIsPublishedWithItsVersion() {
        get("desk01", "/api/rules").expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.rules.STAGE_LATE.points").isEqualTo(-5)
                .jsonPath("$.rules.MEDIA_EXPOSURE.maxFineYuan").isEqualTo(200)
                .jsonPath("$.rules.IN_SCOPE_TRANSFER.departmentNotice").isEqualTo(true);
    }

    @Test
    void anonymousCallsAreRefused() {
        client.get().uri("/api/ledger?requestId=x").exchange().expectStatus().isUnauthorized();
        client.get().uri("/dashboard.html").exchange().expectStatus().isOk();
    }
}
