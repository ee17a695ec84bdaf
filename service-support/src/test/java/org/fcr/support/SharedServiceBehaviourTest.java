package org.fcr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import reactor.core.publisher.Mono;

/** What every service inherits: authentication, roles, problem+json errors, the signing actor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // tests export no metrics unless asked: this one checks the Prometheus scrape a real service has
        properties = {"spring.config.import=classpath:fcr-defaults.yml", "management.prometheus.metrics.export.enabled=true"})
@AutoConfigureWebTestClient
class SharedServiceBehaviourTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "support_test");
    }

    @Autowired
    WebTestClient client;

    @Autowired
    SessionsAsked sessionsAsked;

    /** Counts the web sessions anything asks for: a stateless API should ask for none. */
    static class SessionsAsked extends AtomicInteger {
    }

    @TestConfiguration
    static class CountingSessions {
        @Bean
        SessionsAsked sessionsAsked() {
            return new SessionsAsked();
        }

        @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
        WebSessionManager webSessionManager(SessionsAsked asked) {
            DefaultWebSessionManager sessions = new DefaultWebSessionManager();
            // every exchange makes the (lazy) session Mono; count only those subscribed to
            return exchange -> Mono.defer(() -> {
                asked.incrementAndGet();
                return sessions.getSession(exchange);
            });
        }
    }

    @Test
    void anonymousWriteIsRefusedWith401Problem() {
        client.post().uri("/api/notes").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"x\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void wrongRoleIsRefusedWith403Problem() {
        client.post().uri("/api/notes").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"x\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongPasswordIsRefused() {
        client.get().uri("/api/notes/1").headers(h -> h.setBasicAuth("desk01", "nope"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theRightRoleIsSignedAsTheConfiguredStaffMember() {
        client.post().uri("/api/notes").headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"x\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.employeeId").isEqualTo("mgr01")
                .jsonPath("$.name").isEqualTo("吴主任")
                .jsonPath("$.rank").isEqualTo(4);
    }

    @Test
    void invalidBodyIsA400ProblemNamingTheField() {
        client.post().uri("/api/notes").headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
    }

    @Test
    void unreadableJsonIsA400Problem() {
        client.post().uri("/api/notes").headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} → 400 naming {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"text\":\"a\\u0000b\"}|text|U+0000",
            "{\"text\":\"\\u001b[31m\"}|text|U+001B",
            "{\"text\":\"ok\",\"tags\":[\"fine\",\"bad\\u007f\"]}|tags[1]|U+007F",
            "{\"text\":\"\\ud800 half a pair\"}|text|U+D800"})
    void aControlCharacterInAnyBodyStringIsA400ProblemNamingTheField(String body, String field, String character) {
        client.post().uri("/api/notes").headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://fcr.example.org/problems/control-character")
                .jsonPath("$.field").isEqualTo(field)
                .jsonPath("$.character").isEqualTo(character);
    }

    @Test
    void lineBreaksTabsAndEmojiInFreeTextAreKept() {
        client.post().uri("/api/notes").headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"第一行\\r\\n\\t第二行 \\ud83d\\ude00\"}")
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutInternals() {
        String body = client.get().uri("/api/notes/broken").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("https://fcr.example.org/problems/internal-error", "\"incident\"")
                .doesNotContain("secret-table-name", "IllegalStateException", "at org.");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void fuzzedBodiesAreNeverA5xx() {
        var targets = java.util.List.of(org.fcr.support.test.ApiFuzzer.Target.post("/api/notes", "mgr01",
                "{\"text\":\"漏水\",\"tags\":[\"a\"]}"));
        assertThat(org.fcr.support.test.ApiFuzzer.keys(targets))
                .isEqualTo(org.fcr.support.test.ApiFuzzer.writeEndpoints(context));
        var tallies = new org.fcr.support.test.ApiFuzzer(port, TestInfrastructure.PASSWORD)
                .run(targets, org.fcr.support.test.ApiFuzzer.count());
        assertThat(tallies).allSatisfy(t -> assertThat(t.serverErrors()).as(t + "\n" + t.failures()).isZero());
        assertThat(tallies.get(0).statuses()).containsKeys(201, 400);
    }

    @Test
    void domainRefusalsCarryTheirDetails() {
        client.get().uri("/api/notes/42").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://fcr.example.org/problems/not-found")
                .jsonPath("$.hint").isEqualTo("there are no notes");
    }

    @Test
    void anUnreachableStoreIsA503ProblemToRetry() {
        client.get().uri("/api/notes/archive").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://fcr.example.org/problems/store-unavailable");
    }

    @Test
    void noCallAsksForAWebSession() {
        int before = sessionsAsked.get();
        client.get().uri("/api/notes/42").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isNotFound();
        client.post().uri("/api/notes").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"x\"}")
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/notes/42").exchange().expectStatus().isUnauthorized();
        // a session per call (Spring Security's saved-request lookup) cost two thread hops and a UUID each
        assertThat(sessionsAsked.get() - before).isZero();
    }

    @Test
    void metricsAreTheAdministratorsAndReadyForPrometheus() {
        client.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/actuator/metrics").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isForbidden();
        String scrape = client.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("admin", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()
                .collectList().map(parts -> String.join("", parts)).block();
        assertThat(scrape).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
    }

    @Test
    void healthIsOpen() {
        assertThat(client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().blockFirst()).contains("UP");
    }
}
