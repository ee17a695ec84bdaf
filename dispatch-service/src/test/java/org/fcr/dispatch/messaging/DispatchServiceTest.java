package org.fcr.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fcr.events.Category;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchOrder;
import org.fcr.events.DispatchReason;
import org.fcr.events.RequestEventType;
import org.fcr.schemas.EventFixtures;
import org.fcr.schemas.Topics;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service on a real broker and a real Mongo wire server: request events in, orders on the
 * department topics and decisions out; returns, ping-pong, arbitration; replays and poison records.
 */
class DispatchServiceTest extends org.fcr.dispatch.DispatchStackTest {

    /** Tuesday 10:00 in Shanghai: the day shifts are on. */
    static final Instant MORNING = Instant.parse("2025-06-10T02:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    @Autowired
    org.fcr.dispatch.store.RoutingStore routings;

    static String bootstrap() {
        return TestInfrastructure.bootstrapServers();
    }

    static String newRequestId() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<DispatchDecision> decisions(String requestId, int count) {
        return TopicReader.awaitRecords(bootstrap(), Topics.DISPATCH_DECISIONS.name(), Topics.DISPATCH_DECISIONS.valueSerde().deserializer(),
                requestId, found -> found.size() >= count, WAIT).stream().map(ConsumerRecord::value).toList();
    }

    static List<DispatchOrder> orders(String department, String requestId, int count) {
        var topic = Topics.dispatchFor(department);
        return TopicReader.awaitRecords(bootstrap(), topic.name(), topic.valueSerde().deserializer(),
                requestId, found -> found.size() >= count, WAIT).stream().map(ConsumerRecord::value).toList();
    }

    @Test
    void aFaultRepairGoesToEngineeringWithAnOrderAndADecision() {
        String id = newRequestId();
        RequestEvents.send(bootstrap(), RequestEvents.accepted(id, Category.FAULT_REPAIR, "水电", MORNING),
                RequestEvents.dispatchRequested(id, 3, Category.FAULT_REPAIR, "水电", MORNING));

        DispatchOrder order = orders("engineering", id, 1).get(0);
        assertThat(order.getOrderId()).isEqualTo(id + "-dispatch-1");
        assertThat(order.getDepartmentName()).isEqualTo("工程维修部");
        assertThat(order.getDescription()).isEqualTo("厨房水管漏水");
        assertThat(order.getCustomer().getUnit()).isEqualTo("3-2-501");
        assertThat(order.getFirstResponder().getName()).isEqualTo("王芳");
        assertThat(order.getDeskContact()).isEqualTo("客服中心 400-800-1234");
        assertThat(order.getHandler().getEmployeeId()).isIn("eng01", "eng02");

        DispatchDecision decision = decisions(id, 1).get(0);
        assertThat(decision.getDecisionId()).isEqualTo(id + "-dispatch-1");
        assertThat(decision.getDepartment()).isEqualTo("engineering");
        assertThat(decision.getRuleId()).isEqualTo("fault-repair");
        assertThat(decision.getReason()).isEqualTo(DispatchReason.INITIAL);
        assertThat(decision.getHandler().getEmployeeId()).isEqualTo(order.getHandler().getEmployeeId());
    }

    @Test
    void aReplayedDispatchRequestDispatchesOnlyOnce() {
        String id = newRequestId();
        var request = RequestEvents.dispatchRequested(id, 3, Category.ACCIDENT, null, MORNING);
        RequestEvents.send(bootstrap(), RequestEvents.accepted(id, Category.ACCIDENT, null, MORNING), request);
        assertThat(decisions(id, 1).get(0).getDepartment()).isEqualTo("security");

        // the same event again, then a later one of the same request (same partition, so handled after it)
        RequestEvents.send(bootstrap(), request, RequestEvents.acknowledged(id, 5, Category.ACCIDENT, MORNING,
                EventFixtures.actor("sec01", "杨军", "DEPARTMENT")));
        awaitJourney(id, "$.assignee", "sec01");

        assertThat(TopicReader.readAll(bootstrap(), Topics.DISPATCH_DECISIONS.name(), new ByteArrayDeserializer()).stream()
                .filter(r -> id.equals(r.key())).count()).isEqualTo(1);
        client.get().uri("/api/routing/requests/{id}", id).headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.attempt").isEqualTo(1);
    }

    @Test
    void returnsAreReroutedThenAPingPongGoesToTheManagerWhoArbitrates() {
        String id = newRequestId();
        RequestEvents.send(bootstrap(), RequestEvents.accepted(id, Category.FAULT_REPAIR, "水电", MORNING),
                RequestEvents.dispatchRequested(id, 3, Category.FAULT_REPAIR, "水电", MORNING),
                RequestEvents.returned(id, 5, Category.FAULT_REPAIR, MORNING, "engineering", "security"));

        DispatchDecision rerouted = decisions(id, 2).get(1);
        assertThat(rerouted.getDecisionId()).isEqualTo(id + "-dispatch-2");
        assertThat(rerouted.getDepartment()).isEqualTo("security");
        assertThat(rerouted.getReason()).isEqualTo(DispatchReason.REROUTED_AFTER_RETURN);
        assertThat(rerouted.getPreviousDepartment()).isEqualTo("engineering");
        assertThat(orders("security", id, 1).get(0).getAttempt()).isEqualTo(2);

        RequestEvents.send(bootstrap(), RequestEvents.returned(id, 7, Category.FAULT_REPAIR, MORNING, "security", null));
        DispatchDecision pingPong = decisions(id, 3).get(2);
        assertThat(pingPong.getArbitrationRequired()).isTrue();
        assertThat(pingPong.getReturnCount()).isEqualTo(2);
        assertThat(pingPong.getHandler().getEmployeeId()).isEqualTo("mgr01");
        assertThat(pingPong.getDepartment()).isEqualTo("administration");

        client.get().uri("/api/arbitrations").headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].returnedBy[0]").isEqualTo("engineering");
        arbitrate(id, "desk01", Map.of("department", "engineering")).expectStatus().isForbidden();
        arbitrate(id, "mgr01", Map.of("department", "nowhere")).expectStatus().isBadRequest();
        arbitrate(id, "mgr01", Map.of("department", "engineering", "wrongDepartments", List.of("engineering")))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.decisionId").isEqualTo(id + "-dispatch-4")
                .jsonPath("$.decidedBy").isEqualTo("mgr01");
        arbitrate(id, "mgr01", Map.of("department", "security")).expectStatus().isEqualTo(409);

        DispatchDecision ruling = decisions(id, 4).get(3);
        assertThat(ruling.getReason()).isEqualTo(DispatchReason.ARBITRATED);
        assertThat(ruling.getWrongDepartments()).containsExactly("engineering");
        assertThat(ruling.getDecidedBy().getName()).isEqualTo("吴主任");
        assertThat(orders("engineering", id, 2).get(1).getReason()).isEqualTo(DispatchReason.ARBITRATED);
    }

    @Test
    void aForwardGoesStraightToTheNamedDepartment() {
        String id = newRequestId();
        RequestEvents.send(bootstrap(), RequestEvents.accepted(id, Category.SERVICE, "保洁", MORNING),
                RequestEvents.dispatchRequested(id, 3, Category.SERVICE, "保洁", MORNING),
                RequestEvents.forwarded(id, 5, Category.SERVICE, MORNING, "cleaning", "landscaping"));
        List<DispatchDecision> found = decisions(id, 2);
        assertThat(found).extracting(DispatchDecision::getDepartment).containsExactly("cleaning", "landscaping");
        assertThat(found.get(1).getReason()).isEqualTo(DispatchReason.FORWARDED);
        assertThat(found.get(1).getDecidedBy().getEmployeeId()).isEqualTo("desk01");
        assertThat(orders("landscaping", id, 1).get(0).getHandler().getEmployeeId()).isEqualTo("green01");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndDispatchingGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        RequestEvents.sendRaw(bootstrap(), poisonKey, "not an avro record".getBytes());
        String id = newRequestId();
        RequestEvents.send(bootstrap(), RequestEvents.dispatchRequested(id, 3, Category.COMPLAINT, null, MORNING));

        TopicReader.awaitRecords(bootstrap(), Topics.REQUESTS.deadLetterName(), new ByteArrayDeserializer(), poisonKey,
                found -> found.size() == 1, WAIT);
        assertThat(decisions(id, 1).get(0).getDepartment()).isEqualTo("customer-service");
    }

    @Test
    void anEventWithAPayloadThatDoesNotFitItsTypeIsDeadLetteredToo() {
        String id = newRequestId();
        var broken = RequestEvents.event(id, 3, RequestEventType.DISPATCH_REQUESTED, Category.OTHER, null, MORNING, null);
        RequestEvents.send(bootstrap(), broken);
        TopicReader.awaitRecords(bootstrap(), Topics.REQUESTS.deadLetterName(), new ByteArrayDeserializer(), id,
                found -> found.size() == 1, WAIT);
    }

    @Test
    void theLeastLoadedOnShiftGetsTheTicketAndCompletionFreesThem() {
        // Tuesday 03:00 in Shanghai: sec02 (night) and cctv01 (24-hour post) are on shift, in that roster order
        Instant night = Instant.parse("2025-06-09T19:00:00Z");
        String a = newRequestId();
        String b = newRequestId();
        String c = newRequestId();
        RequestEvents.send(bootstrap(), RequestEvents.dispatchRequested(a, 3, Category.ACCIDENT, null, night));
        assertThat(decisions(a, 1).get(0).getHandler().getEmployeeId()).isEqualTo("sec02");
        RequestEvents.send(bootstrap(), RequestEvents.dispatchRequested(b, 3, Category.ACCIDENT, null, night));
        assertThat(decisions(b, 1).get(0).getHandler().getEmployeeId()).isEqualTo("cctv01");
        RequestEvents.send(bootstrap(), RequestEvents.completed(a, 6, Category.ACCIDENT, night));
        awaitJourney(a, "$.assignee", null);
        RequestEvents.send(bootstrap(), RequestEvents.dispatchRequested(c, 3, Category.ACCIDENT, null, night));
        assertThat(decisions(c, 1).get(0).getHandler().getEmployeeId()).isEqualTo("sec02");
    }

    @Test
    void anOutboxLeftByACrashIsSentWhenTheEventIsReplayed() {
        String id = newRequestId();
        var event = RequestEvents.dispatchRequested(id, 3, Category.SERVICE, "停车", MORNING);
        // as if the service died after writing its decision but before the broker had it
        var plan = new org.fcr.dispatch.domain.DispatchPlan(1, new org.fcr.dispatch.domain.Department("security", "秩序维护部",
                null, null, null, true, List.of()), "service-parking", org.fcr.dispatch.domain.DispatchReason.INITIAL,
                null, List.of(), 0, false, null);
        var decision = DispatchMessages.decision(id, plan, null, Dispatcher.SYSTEM, MORNING);
        var state = org.fcr.dispatch.domain.RequestRouting.start(id).processed(event.getEventId()).dispatched(plan, null);
        var pending = new org.fcr.dispatch.store.PendingDispatch(decision.getDecisionId(), "security", null,
                Topics.DISPATCH_DECISIONS.valueSerde().serializer().serialize("", decision), null, null);
        routings.save(org.fcr.dispatch.store.RoutingDocument.of(state, null, List.of(pending), null)).block();

        RequestEvents.send(bootstrap(), event);
        DispatchDecision sent = decisions(id, 1).get(0);
        assertThat(sent.getDecisionId()).isEqualTo(id + "-dispatch-1");
        assertThat(sent.getRuleId()).isEqualTo("service-parking");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> routings.find(id).block().outbox().isEmpty());
    }

    @Test
    void askingForArbitrationSendsTheRequestToTheManager() {
        String id = newRequestId();
        RequestEvents.send(bootstrap(), RequestEvents.dispatchRequested(id, 3, Category.ANOMALY_REPORT, null, MORNING),
                RequestEvents.event(id, 5, RequestEventType.ARBITRATION_REQUESTED, Category.ANOMALY_REPORT, null, MORNING,
                        org.fcr.events.ArbitrationRequested.newBuilder().setReturnCount(0).build()));
        DispatchDecision decision = decisions(id, 2).get(1);
        assertThat(decision.getArbitrationRequired()).isTrue();
        assertThat(decision.getHandler().getEmployeeId()).isEqualTo("mgr01");
    }

    private WebTestClient.ResponseSpec arbitrate(String id, String user, Map<String, Object> body) {
        return client.post().uri("/api/arbitrations/{id}", id).headers(h -> h.setBasicAuth(user, TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void awaitJourney(String id, String path, String value) {
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            var body = client.get().uri("/api/routing/requests/{id}", id).headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                    .exchange().expectStatus().isOk().expectBody();
            if (value == null) {
                body.jsonPath(path).doesNotExist();
            } else {
                body.jsonPath(path).isEqualTo(value);
            }
        });
    }
}
