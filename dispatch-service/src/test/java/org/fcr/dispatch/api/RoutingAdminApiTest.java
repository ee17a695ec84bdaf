package org.fcr.dispatch.api;

import java.util.List;
import java.util.Map;

import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The routing admin API: the seed set, who may write, validation, and the "where would it go?" tester. */
@SuppressWarnings("unchecked")
class RoutingAdminApiTest extends org.fcr.dispatch.DispatchStackTest {

    static final String PASSWORD = TestInfrastructure.PASSWORD;

    @Autowired
    WebTestClient client;

    @Test
    void theSeedHoldsTheCompanysDepartmentsWithTheDemoStaffOnTheirRosters() {
        client.get().uri("/api/departments").headers(h -> h.setBasicAuth("desk01", PASSWORD)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(6)
                .jsonPath("$[?(@.code == 'engineering')].name").isEqualTo("工程维修部")
                .jsonPath("$[?(@.code == 'engineering')].supervisor").isEqualTo("sup01")
                .jsonPath("$[?(@.code == 'security')].roster[*].employeeId").value(ids ->
                        org.assertj.core.api.Assertions.assertThat((List<Object>) ids).contains("sec01", "staff01"))
                .jsonPath("$[?(@.code == 'customer-service')].roster[*].employeeId").value(ids ->
                        org.assertj.core.api.Assertions.assertThat((List<Object>) ids).contains("desk01", "desk02"));
        client.get().uri("/api/routing/rules").headers(h -> h.setBasicAuth("desk01", PASSWORD)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == 'fault-repair')].department").isEqualTo("engineering")
                .jsonPath("$[?(@.id == 'accident')].department").isEqualTo("security");
    }

    @Test
    void onlyAnAdminChangesRulesAndDepartments() {
        var rule = Map.of("id", "api-test-rule", "priority", 1, "category", "INFO_RELAY", "department", "security");
        client.put().uri("/api/routing/rules/api-test-rule").headers(h -> h.setBasicAuth("mgr01", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(rule).exchange().expectStatus().isForbidden();
        client.put().uri("/api/routing/rules/api-test-rule").contentType(MediaType.APPLICATION_JSON).bodyValue(rule)
                .exchange().expectStatus().isUnauthorized();
        client.put().uri("/api/routing/rules/api-test-rule").headers(h -> h.setBasicAuth("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(rule).exchange().expectStatus().isOk();
        test("INFO_RELAY", null, null).jsonPath("$.department").isEqualTo("security").jsonPath("$.ruleId").isEqualTo("api-test-rule");
        client.delete().uri("/api/routing/rules/api-test-rule").headers(h -> h.setBasicAuth("admin", PASSWORD))
                .exchange().expectStatus().isNoContent();
        test("INFO_RELAY", null, null).jsonPath("$.department").isEqualTo("customer-service");
    }

    @Test
    void badRulesAndDepartmentsAreRefusedWithProblems() {
        put("/api/routing/rules/r-x", Map.of("id", "r-x", "priority", 1, "department", "nowhere"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").value(t ->
                        org.assertj.core.api.Assertions.assertThat(t.toString()).endsWith("unknown-department"));
        put("/api/routing/rules/r-x", Map.of("id", "r-x", "priority", 1, "category", "PLUMBING", "department", "security"))
                .expectStatus().isBadRequest();
        put("/api/routing/rules/r-x", Map.of("id", "r-x", "priority", 1, "from", "25:00", "to", "08:00", "department", "security"))
                .expectStatus().isBadRequest();
        put("/api/departments/pool", Map.of("code", "pool", "name", "泳池", "roster",
                List.of(Map.of("employeeId", "p1", "start", "8 o'clock", "end", "17:00"))))
                .expectStatus().isBadRequest();
        put("/api/departments/decisions", Map.of("code", "decisions", "name", "占用主题名"))
                .expectStatus().isBadRequest();
        client.delete().uri("/api/departments/customer-service").headers(h -> h.setBasicAuth("admin", PASSWORD))
                .exchange().expectStatus().isEqualTo(409);
        client.delete().uri("/api/departments/engineering").headers(h -> h.setBasicAuth("admin", PASSWORD))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rules").isArray();
    }

    @Test
    void aNewDepartmentWithANightShiftIsUsedAtOnce() {
        put("/api/departments/pool", Map.of("code", "pool", "name", "泳池管理", "roundTheClock", false, "roster",
                List.of(Map.of("employeeId", "pool01", "name", "游泳", "days", List.of("SAT", "SUN"), "start", "22:00", "end", "06:00"))))
                .expectStatus().isOk().expectBody().jsonPath("$.roster[0].days[0]").isEqualTo("SATURDAY");
        put("/api/routing/rules/pool", Map.of("id", "pool", "priority", 5, "category", "FAULT_REPAIR", "subcategory", "泳池",
                "department", "pool")).expectStatus().isOk();
        // Sunday 02:00 local is still Saturday's night shift
        test("FAULT_REPAIR", "泳池", "2025-06-15T02:00").jsonPath("$.department").isEqualTo("pool")
                .jsonPath("$.handler.employeeId").isEqualTo("pool01");
        // Monday 02:00 is still Sunday night; Tuesday 02:00 follows a Monday without a shift
        test("FAULT_REPAIR", "泳池", "2025-06-16T02:00").jsonPath("$.handler.employeeId").isEqualTo("pool01");
        test("FAULT_REPAIR", "泳池", "2025-06-17T02:00").jsonPath("$.handler").doesNotExist();
        client.delete().uri("/api/routing/rules/pool").headers(h -> h.setBasicAuth("admin", PASSWORD)).exchange().expectStatus().isNoContent();
        client.delete().uri("/api/departments/pool").headers(h -> h.setBasicAuth("admin", PASSWORD)).exchange().expectStatus().isNoContent();
    }

    @Test
    void theTesterShowsTheRuleAndWhoIsOnDuty() {
        test("FAULT_REPAIR", "景观绿化", "2025-06-10T22:00").jsonPath("$.department").isEqualTo("engineering")
                .jsonPath("$.ruleId").isEqualTo("fault-landscape-night")
                .jsonPath("$.handler.employeeId").isEqualTo("eng03");
        test("ACCIDENT", null, "2025-06-10T03:00:00Z").jsonPath("$.departmentName").isEqualTo("秩序维护部")
                .jsonPath("$.onShift[*].employeeId").value(ids ->
                        org.assertj.core.api.Assertions.assertThat((List<Object>) ids).contains("sec01", "staff01", "cctv01"));
        client.post().uri("/api/routing/test").headers(h -> h.setBasicAuth("desk01", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "COMPLAINT", "at", "tomorrow"))
                .exchange().expectStatus().isBadRequest();
    }

    private WebTestClient.BodyContentSpec test(String category, String subcategory, String at) {
        var body = new java.util.HashMap<String, Object>();
        body.put("category", category);
        body.put("subcategory", subcategory);
        body.put("unit", "3-2-501");
        body.put("at", at);
        return client.post().uri("/api/routing/test").headers(h -> h.setBasicAuth("desk01", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec put(String path, Object body) {
        return client.put().uri(path).headers(h -> h.setBasicAuth("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
