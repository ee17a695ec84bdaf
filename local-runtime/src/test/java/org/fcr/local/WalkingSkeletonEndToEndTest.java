package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fcr.events.DispatchOrder;
import org.fcr.local.simulator.Behaviour;
import org.fcr.local.simulator.PlannedRequest;
import org.fcr.local.simulator.Simulator;
import org.fcr.local.simulator.TrafficPlan;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * All five services, started by the launcher's own classes against one real KRaft broker and the
 * MongoDB-protocol server: a hotline request travels intake → dispatch → SLA monitor → scoring
 * and notification. Time standards run 600× faster so clocks fall due within seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkingSkeletonEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private RunningSystem system;

    @BeforeAll
    void startEverything(@TempDir Path data) throws Exception {
        system = new RunningSystem(data, Map.of("sla-monitor", List.of("--fcr.sla.speedup=600")));
    }

    @AfterAll
    void stopEverything() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aLateHotlineRequestIsDispatchedBreachedScoredAndNotified() throws Exception {
        String body = """
                {"channel":"HOTLINE","category":"FAULT_REPAIR","subcategory":"水电","size":"SMALL","scope":"IN_SCOPE",
                 "customer":{"name":"李先生","unit":"3-2-501","phone":"13800138000"},
                 "description":"厨房水管漏水","receivedAt":"%s"}
                """.formatted(Instant.now().minus(Duration.ofMinutes(10)));

        JsonNode created = system.post("intake-service", "/api/requests", "desk01", body, 201);
        String id = created.get("id").asText();

        // dispatch routed it to engineering: an outside system reads the order with only the schemas jar
        try (var orders = new TopicReader<>(system.bootstrapServers(), Topics.dispatchFor("engineering"))) {
            List<DispatchOrder> seen = orders.until(o -> o.getRequestId().equals(id), PATIENCE);
            assertThat(seen).anySatisfy(order -> {
                assertThat(order.getRequestId()).isEqualTo(id);
                assertThat(order.getCustomer().getUnit()).isEqualTo("3-2-501");
                assertThat(order.getFirstResponder().getEmployeeId()).isEqualTo("desk01");
            });
        }

        // the decision came back into the request's one timeline
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(timelineTypes(id)).contains("ACCEPTED", "DISPATCHED"));

        // accept was 10 minutes late: breached at once; acknowledgement never came: breached by the wall clock
        try (var sla = new TopicReader<>(system.bootstrapServers(), Topics.SLA)) {
            List<SlaEvent> events = sla.until(e -> e.getRequestId().equals(id) && e.getKind() == SlaEventKind.BREACHED
                    && e.getStage() != Stage.ACCEPT, PATIENCE);
            assertThat(events).filteredOn(e -> e.getRequestId().equals(id))
                    .extracting(SlaEvent::getKind, SlaEvent::getStage)
                    .contains(org.assertj.core.groups.Tuple.tuple(SlaEventKind.BREACHED, Stage.ACCEPT));
            assertThat(events).filteredOn(e -> e.getRequestId().equals(id) && e.getKind() == SlaEventKind.BREACHED)
                    .extracting(SlaEvent::getStage).hasSizeGreaterThanOrEqualTo(2);
        }

        // scoring put the breach on the ledger, explained
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> ledger = RunningSystem.elements(system.get("scoring-service", "/api/ledger?requestId=" + id, "mgr01"));
            assertThat(ledger).anySatisfy(entry -> {
                assertThat(entry.get("rule").asText()).isEqualTo("STAGE_LATE");
                assertThat(entry.get("points").asInt()).isEqualTo(-5);
            });
        });

        // and somebody was told
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                RunningSystem.elements(system.get("notification-service", "/api/notifications?requestId=" + id, "mgr01")))
                .isNotEmpty());
    }

    /**
     * Issue 8: a short simulated drill day through the public APIs only. Every request ends
     * closed or stays open with a deadline from sla-monitor; an on-time request walks every stage
     * of the chain; drill lapses reach the drill ledger and never the real one.
     */
    @Test
    void aSimulatedDrillDayWalksTheWholeChainAndNeverTouchesRealScores() throws Exception {
        long seed = 11;
        int requests = 10;
        List<PlannedRequest> plan = TrafficPlan.of(seed, requests);
        assertThat(plan).extracting(PlannedRequest::behaviour).as("this seed's day").contains(Behaviour.ON_TIME, Behaviour.LATE_ON_SITE);

        var outcome = new Simulator(new Simulator.Options(system.url("intake-service", ""), RunningSystem.PASSWORD,
                seed, requests, 600, true)).run();

        assertThat(outcome.refused()).isZero();
        assertThat(outcome.requestIds()).hasSize(requests);
        List<String> closedTimeline = null;
        for (String id : outcome.requestIds()) {
            JsonNode request = system.get("intake-service", "/api/requests/" + id, "desk01");
            assertThat(request.get("drill").asBoolean()).as("drill flag kept on %s", id).isTrue();
            if (request.get("status").asText().equals("CLOSED")) {
                closedTimeline = RunningSystem.elements(request.get("timeline")).stream().map(e -> e.get("type").asText()).toList();
            } else {
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(RunningSystem.elements(
                        system.get("sla-monitor", "/api/stages?requestId=" + id, "mgr01"))).as("open %s has a clock", id).isNotEmpty());
            }
        }
        assertThat(closedTimeline).as("at least one request closed").isNotNull()
                .containsSubsequence("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED", "DISPATCHED", "ACKNOWLEDGED", "ON_SITE",
                        "COMPLETED", "CUSTOMER_SIGNED_OFF", "REPORTED_BACK", "CUSTOMER_NOTIFIED", "REVISITED", "CLOSED");

        // lapses of the drill are on the drill ledger only
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> entries = new java.util.ArrayList<>();
            for (String id : outcome.requestIds()) {
                entries.addAll(RunningSystem.elements(system.get("scoring-service", "/api/ledger?requestId=" + id, "mgr01")));
            }
            assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.get("drill").asBoolean()).isTrue());
        });
        String period = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        List<String> realLedgerRequests = RunningSystem.elements(system.get("scoring-service", "/api/ledger?period=" + period, "mgr01"))
                .stream().map(e -> e.path("requestId").asText("")).toList();
        assertThat(realLedgerRequests).doesNotContainAnyElementsOf(outcome.requestIds());

        // the trial report shows the drill's lapses, and its departments add up to its total
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode report = system.get("scoring-service", "/api/trial-report?period=" + period, "mgr01");
            assertThat(report.get("addsUp").asBoolean()).isTrue();
            assertThat(report.get("total").get("breached").asInt()).isPositive();
            assertThat(report.get("total").get("points").asInt()).isNegative();
        });
    }

    private List<String> timelineTypes(String id) throws Exception {
        JsonNode request = system.get("intake-service", "/api/requests/" + id, "desk01");
        return RunningSystem.elements(request.get("timeline")).stream().map(e -> e.get("type").asText()).toList();
    }
}
