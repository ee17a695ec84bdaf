package org.fcr.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fcr.intake.IntakeServiceTestBase;
import org.fcr.intake.store.IdempotencyStore;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/** Idempotency, optimistic concurrency, and bad input: always a 4xx problem naming the field, never a 500. */
class RobustnessApiTest extends IntakeServiceTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void aRetriedCreateWithTheSameKeyReturnsTheFirstAnswerAndMakesNoSecondRequest() {
        Map<String, Object> first = post("desk01", "/api/requests").header("Idempotency-Key", "call-0001")
                .bodyValue(SKELETON).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> again = post("desk01", "/api/requests").header("Idempotency-Key", "call-0001")
                .bodyValue(SKELETON).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replay", "true")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        String id = (String) first.get("id");
        assertThat(publishedFor(id, 3)).extracting(e -> e.getEventId()).containsOnly(id + "-1", id + "-2", id + "-3");
        post("desk01", "/api/requests/" + id + "/fill-in").header("Idempotency-Key", "call-0001")
                .bodyValue("{}").exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("Idempotency-Key");
    }

    @Autowired
    IdempotencyStore answers;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void firstAnswersAreForgottenAfterTheRetentionPeriod() {
        answers.remember("desk01:old", new IdempotencyStore.Answer("POST /x", 201, "{}")).block();
        answers.remember("desk01:new", new IdempotencyStore.Answer("POST /x", 201, "{}")).block();
        mongo.updateFirst(Query.query(
                        Criteria.where("_id").is("desk01:old")),
                new Update().set("at", new Date(0)),
                IdempotencyStore.COLLECTION).block();

        answers.forgetOldAnswers();

        assertThat(answers.find("desk01:old").block()).isNull();
        assertThat(answers.find("desk01:new").block()).isNotNull();
    }

    @Test
    void aRetriedCommandWithTheSameKeyIsNotASecondEvent() {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        for (int i = 0; i < 2; i++) {
            post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "esc-1")
                    .bodyValue("{\"level\":\"SUPERVISOR\",\"reason\":\"催办\"}").exchange().expectStatus().isOk();
        }
        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "ESCALATED");
    }

    @Test
    void concurrentCallsWithOneKeyRunOnceTheOthersWaitAndReplay() throws Exception {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "same-1")
                    .bodyValue("{\"reason\":\"催办\"}").exchange().returnResult(String.class).getStatus().value()));
        }
        for (Future<Integer> r : results) {
            assertThat(r.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "ESCALATED");
        post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "same-1")
                .bodyValue("{\"reason\":\"催办\"}").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replay", "true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eightConcurrentCreatesWithOneKeyAllGetTheFirstAnswerAndMakeOneRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                var result = post("desk01", "/api/requests").header("Idempotency-Key", "together-1")
                        .bodyValue(SKELETON).exchange().returnResult(Map.class);
                Map<String, Object> answer = new java.util.HashMap<>((Map<String, Object>) result.getResponseBody().blockFirst());
                answer.put("status", result.getStatus().value());
                return answer;
            }));
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Future<Map<String, Object>> r : results) {
            answers.add(r.get());
        }
        pool.shutdown();
        assertThat(answers).extracting(a -> a.get("status")).containsOnly(201);
        assertThat(answers).extracting(a -> a.get("id")).containsOnly(answers.get(0).get("id"));
        String id = (String) answers.get(0).get("id");
        assertThat(publishedFor(id, 4)).extracting(e -> e.getEventId()).containsOnly(id + "-1", id + "-2", id + "-3");
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422NamingTheKey() {
        post("desk01", "/api/requests").header("Idempotency-Key", "body-1").bodyValue(SKELETON).exchange()
                .expectStatus().isCreated();
        // the same body spaced and ordered otherwise is the same call: a replay
        String respaced = "{\"description\":\"厨房水管漏水\",  \"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\","
                + "\"subcategory\":\"水电\",\"size\":\"SMALL\",\"scope\":\"IN_SCOPE\","
                + "\"customer\":{\"phone\":\"13800138000\",\"name\":\"李先生\",\"unit\":\"3-2-501\"}}";
        post("desk01", "/api/requests").header("Idempotency-Key", "body-1").bodyValue(respaced).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replay", "true");

        post("desk01", "/api/requests").header("Idempotency-Key", "body-1")
                .bodyValue(SKELETON.replace("厨房水管漏水", "卫生间灯不亮")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://fcr.example.org/problems/idempotency-key-reused")
                .jsonPath("$.key").isEqualTo("body-1")
                .jsonPath("$.field").isEqualTo("Idempotency-Key")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("body-1", "内容不同", "different body"));
    }

    @Test
    void aFailedFirstCallFreesItsKeyForTheRetry() {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "retry-1")
                .bodyValue("{}").exchange().expectStatus().isBadRequest();
        post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "retry-1")
                .bodyValue("{\"reason\":\"补充原因\"}").exchange().expectStatus().isOk();
    }

    @Test
    void aKeyWhoseCallDiedWithItsInstanceIsTakenOverByTheRetryButARunningOneIsWaitedForThenA409() {
        // as if an instance claimed the key and was killed before it answered: the claim stays "running"
        // (claims without a body hash, as stored before bodies were hashed: any body is taken as the same)
        answers.claim("desk01:died-1", "POST /api/requests", null).block();
        answers.claim("desk01:running-1", "POST /api/requests", null).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("desk01:died-1")), new Update().set("at", new Date(0)),
                IdempotencyStore.COLLECTION).block();

        long before = System.nanoTime();
        post("desk01", "/api/requests").header("Idempotency-Key", "running-1").bodyValue(SKELETON).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("idempotency-in-progress"));
        // it waited for the running call's answer as long as fcr.intake.idempotency-wait (PT6S in these tests)
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - before)).isGreaterThan(java.time.Duration.ofSeconds(5));
        String id = post("desk01", "/api/requests").header("Idempotency-Key", "died-1").bodyValue(SKELETON).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        post("desk01", "/api/requests").header("Idempotency-Key", "died-1").bodyValue(SKELETON).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replay", "true")
                .expectBody(Map.class).value(body -> assertThat(body.get("id")).isEqualTo(id));
    }

    @Test
    void aTakenOverKeyOfACommandThatHadWrittenItsEventDoesNotRunItAgain() {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "esc-died")
                .bodyValue("{\"level\":\"SUPERVISOR\",\"reason\":\"催办\"}").exchange().expectStatus().isOk();
        // as if the instance was killed after the event was written, before the answer was stored
        mongo.updateFirst(Query.query(Criteria.where("_id").is("desk01:esc-died")),
                new Update().set("status", 0).unset("body").set("at", new Date(0)), IdempotencyStore.COLLECTION).block();

        post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "esc-died")
                .bodyValue("{\"level\":\"SUPERVISOR\",\"reason\":\"催办\"}").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "ESCALATED");
        // the same command under a new key is a new escalation
        post("desk01", "/api/requests/" + id + "/escalate").header("Idempotency-Key", "esc-again")
                .bodyValue("{\"level\":\"SUPERVISOR\",\"reason\":\"催办\"}").exchange().expectStatus().isOk();
        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "ESCALATED", "ESCALATED");
    }

    @Test
    void aStaleVersionIsA409AndTheCurrentOneWins() {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));

        post("desk01", "/api/requests/" + id + "/fill-in").header("If-Match", "\"0\"").bodyValue("{}").exchange()
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://fcr.example.org/problems/stale-version")
                .jsonPath("$.expectedVersion").isEqualTo(0);
        post("desk01", "/api/requests/" + id + "/fill-in").header("If-Match", "\"1\"").bodyValue("{}").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
    }

    @Test
    void concurrentCommandsOnOneRequestEachLandOnceInOrder() throws Exception {
        String id = create(SKELETON.replace("\"description\"", "\"dispatch\":false,\"description\""));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            Callable<Integer> escalate = () -> command("desk0" + (1 + n % 2), id, "escalate",
                    "{\"level\":\"SUPERVISOR\",\"reason\":\"催办 " + n + "\"}").returnResult(String.class).getStatus().value();
            results.add(pool.submit(escalate));
        }
        for (Future<Integer> r : results) {
            assertThat(r.get()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(timelineTypes(id)).hasSize(7).startsWith("ACCEPTED").containsOnly("ACCEPTED", "ESCALATED");
        assertThat(publishedFor(id, 7)).extracting(e -> e.getSequence()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @ParameterizedTest(name = "{0} → {1} naming {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"channel\":\"PIGEON\",\"category\":\"FAULT_REPAIR\",\"customer\":{\"name\":\"李\"},\"description\":\"x\"}|400|channel",
            "{\"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\",\"customer\":{\"name\":\"李\"},\"description\":\"\"}|400|description",
            "{\"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\",\"description\":\"x\"}|400|customer",
            "{\"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\",\"customer\":{\"name\":\"李\",\"phone\":\"abc\"},\"description\":\"x\"}|400|customer.phone",
            "{\"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\",\"customer\":{\"name\":\"李\"},\"description\":\"x\",\"receivedAt\":\"yesterday\"}|400|receivedAt",
            "{\"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\",\"customer\":{\"name\":\"李\"},\"description\":\"x\",\"receivedAt\":\"2999-01-01T00:00:00Z\"}|400|receivedAt",
            "{\"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\",\"customer\":{\"name\":\"李\"},\"description\":\"x\",\"firstResponder\":\"nobody\"}|400|firstResponder",
            "{\"channel\":\"HOTLINE\",\"category\":\"FAULT_REPAIR\",\"customer\":{\"name\":\"李\"},\"description\":\"x\",\"major\":\"very\"}|400|major",
            "[1,2,3]|400|",
            "{not json|400|"})
    void badBodiesAreProblemsNamingTheField(String body, int status, String field) {
        var spec = post("desk01", "/api/requests").bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
        if (field != null && !field.isBlank()) {
            String text = new String(spec.returnResult().getResponseBody());
            assertThat(text).contains("\"" + field + "\"");
        }
    }

    @Autowired
    AcceptAdmission admission;

    @Test
    void acceptsPastTheLimitAreShedWithA503ToRetryAndNothingIsWritten() {
        long before = mongo.count(new Query(), "requests").block();
        // every slot (200 by default) held by an accept that does not end
        List<reactor.core.Disposable> held = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            held.add(admission.admit(reactor.core.publisher.Mono::never).subscribe());
        }
        post("desk01", "/api/requests").header("Idempotency-Key", "shed-1").bodyValue(SKELETON).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://fcr.example.org/problems/overloaded");
        assertThat(mongo.count(new Query(), "requests").block()).isEqualTo(before);

        held.forEach(reactor.core.Disposable::dispose);
        // the retry with the same key runs afresh: the shed call claimed nothing
        post("desk01", "/api/requests").header("Idempotency-Key", "shed-1").bodyValue(SKELETON).exchange()
                .expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replay");
    }

    @Test
    void anOversizeBodyIsA413Problem() {
        String huge = SKELETON.replace("厨房水管漏水", "漏".repeat(200_000));
        post("desk01", "/api/requests").bodyValue(huge).exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @CsvSource({"/api/requests/R-NOPE,404", "/api/requests/bad!id,400", "/api/requests?size=9999,400",
            "/api/requests?sort=password,400", "/api/registers/NOPE,400", "/api/registers/REPAIR?format=pdf,400"})
    void badIdsAndParametersAreProblems(String uri, int status) {
        client.get().uri(uri).headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownCommandIsA404NamingTheCommands() {
        String id = create(SKELETON);
        command("desk01", id, "teleport", null).expectStatus().isNotFound().expectBody().jsonPath("$.commands").isArray();
    }

    @Test
    void aRememberedSignInNeverLetsAWrongPasswordThrough() {
        get("desk02", "/api/me").exchange().expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("赵丽");
        client.get().uri("/api/me").headers(h -> h.setBasicAuth("desk02", "wrong")).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/me").headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD + "x")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndTheRootOpensTheDeskConsole() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/requests'].post").exists()
                .jsonPath("$.paths['/api/requests/{id}/{command}'].post").exists()
                .jsonPath("$.paths['/api/registers/{register}'].get").exists();
        client.get().uri("/").exchange().expectStatus().isFound().expectHeader().valueEquals("Location", "/desk.html");
        client.get().uri("/desk.html").exchange().expectStatus().isOk();
        client.get().uri("/department.html").exchange().expectStatus().isOk();
    }

    @Test
    void anonymousCallsAreRefused() {
        client.post().uri("/api/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(SKELETON).exchange()
                .expectStatus().isUnauthorized();
    }
}
