package org.fcr.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fcr.scoring.support.Steps.acknowledged;
import static org.fcr.scoring.support.Steps.completed;
import static org.fcr.scoring.support.Steps.dispatched;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fcr.events.Category;
import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.fcr.scoring.domain.PenaltyRule;
import org.fcr.scoring.domain.TrialLine;
import org.fcr.scoring.domain.TrialReport;
import org.fcr.scoring.support.Pipeline;
import org.fcr.scoring.support.SampleMonth;
import org.fcr.scoring.support.ScoringServiceTest;
import org.fcr.scoring.support.Story;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Trial run on the real broker: drill request and SLA events yield a trial report that adds up
 * (departments → site) and a drill ledger, while the real ledger and assessments stay as they were.
 */
@ScoringServiceTest
class TrialRunOnBrokerTest {

    static final String PERIOD = "2024-06";
    static final Instant T0 = Instant.parse("2024-06-12T02:00:00Z");
    static final List<String> REAL_VIEWS = List.of("/api/ledger?period=" + PERIOD,
            "/api/assessments?period=" + PERIOD + "&type=PERSON", "/api/assessments?period=" + PERIOD + "&type=DEPARTMENT",
            "/api/summary?period=" + PERIOD, "/api/breaches?period=" + PERIOD);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "fcr_scoring_test");
    }

    @Autowired
    WebTestClient client;
    @Autowired
    TopicPublisher publisher;
    @Autowired
    RequestScoring requests;
    @Autowired
    SlaScoring sla;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void drillsMakeAReportThatAddsUpAndLeaveRealScoresAlone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Story real = Story.of("REAL-" + run, T0);
        new Pipeline(requests, sla, mongo).feed(List.of(real.accepted(), dispatched(real, "engineering"),
                acknowledged(real, Story.ENGINEER), real.after(Duration.ofMinutes(40))
                        .sla(SlaEventKind.BREACHED, Stage.ON_SITE, Story.ENGINEER, "engineering")));
        Map<String, Object> before = realViews();
        assertThat((List<?>) before.get(REAL_VIEWS.get(0))).hasSize(1);

        // different customers, so no drill repeats another (drills only ever repeat drills)
        // engineering: one stage met, two late (the second delayed by the first), no sign-off
        Story d1 = Story.of("DRILL-A-" + run, T0.plusSeconds(60), Category.FAULT_REPAIR, "13900000001").drill();
        publish(d1.accepted(), dispatched(d1, "engineering"), acknowledged(d1, Story.ENGINEER));
        publish(d1.sla(SlaEventKind.MET, Stage.ACKNOWLEDGE, Story.ENGINEER, "engineering"),
                d1.sla(SlaEventKind.STARTED, Stage.ON_SITE, Story.ENGINEER, "engineering"));
        SlaEvent onSiteLate = d1.after(Duration.ofMinutes(20)).sla(SlaEventKind.BREACHED, Stage.ON_SITE, Story.ENGINEER, "engineering");
        publish(onSiteLate, onSiteLate, // seen twice: counts once
                d1.sla(SlaEventKind.STARTED, Stage.COMPLETE, Story.ENGINEER, "engineering"),
                d1.after(Duration.ofMinutes(50)).sla(SlaEventKind.BREACHED, Stage.COMPLETE, Story.ENGINEER, "engineering"));
        publish(completed(d1, Story.ENGINEER, false));
        // security: acknowledgement late (department charged, fined 50), then on site in time
        Story d2 = Story.of("DRILL-B-" + run, T0.plusSeconds(120), Category.FAULT_REPAIR, "13900000002").drill();
        publish(d2.accepted(), dispatched(d2, "security"));
        publish(d2.after(Duration.ofMinutes(10)).sla(SlaEventKind.BREACHED, Stage.ACKNOWLEDGE, null, "security"));
        publish(acknowledged(d2, SampleMonth.SEC), d2.sla(SlaEventKind.MET, Stage.ON_SITE, SampleMonth.SEC, "security"));
        // the desk: accepted late
        Story d3 = Story.of("DRILL-C-" + run, T0.plusSeconds(180), Category.FAULT_REPAIR, "13900000003").drill();
        publish(d3.accepted(), d3.after(Duration.ofMinutes(6)).sla(SlaEventKind.BREACHED, Stage.ACCEPT, Story.DESK, null));

        TrialReport report = await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(this::report, r -> r.total().entries() == 7 && r.total().met() + r.total().breached() == 6);

        assertThat(report.addsUp()).isTrue();
        TrialLine total = report.total();
        assertThat(List.of(total.met(), total.breached(), total.points(), total.fineYuan())).containsExactly(2, 4, -40, 50);
        assertThat(report.departments().stream().mapToInt(TrialLine::points).sum()).isEqualTo(total.points());
        assertThat(report.departments().stream().mapToInt(TrialLine::fineYuan).sum()).isEqualTo(total.fineYuan());
        assertThat(report.departments().stream().mapToInt(TrialLine::met).sum()).isEqualTo(total.met());
        assertThat(report.departments().stream().mapToInt(TrialLine::breached).sum()).isEqualTo(total.breached());
        assertThat(report.departments()).extracting(TrialLine::subjectId, TrialLine::met, TrialLine::breached,
                        TrialLine::points, TrialLine::fineYuan)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("engineering", 1, 2, -30, 0),
                        org.assertj.core.groups.Tuple.tuple("security", 1, 1, -5, 50),
                        org.assertj.core.groups.Tuple.tuple("customer-service", 0, 1, -5, 0));
        TrialLine engineer = report.people().stream().filter(p -> p.subjectId().equals("eng01")).findFirst().orElseThrow();
        assertThat(engineer.topViolations()).extracting(TrialLine.RuleCount::rule, TrialLine.RuleCount::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PenaltyRule.STAGE_LATE, 2),
                        org.assertj.core.groups.Tuple.tuple(PenaltyRule.NEXT_STAGE_DELAYED, 1),
                        org.assertj.core.groups.Tuple.tuple(PenaltyRule.MISSING_SIGNOFF, 1));

        get("/api/ledger?drill=true&period=" + PERIOD).expectBody()
                .jsonPath("$.length()").isEqualTo(7)
                .jsonPath("$[?(@.drill == false)]").doesNotExist();
        get("/api/breaches?drill=true&period=" + PERIOD).expectBody()
                .jsonPath("$.source").isEqualTo("drill")
                .jsonPath("$.cells[?(@.department == 'engineering' && @.stage == 'COMPLETE')].breached").isEqualTo(1);
        assertThat(realViews()).isEqualTo(before);
    }

    private void publish(Object... events) throws Exception {
        for (Object event : events) {
            if (event instanceof RequestEvent request) {
                publisher.publish(Topics.REQUESTS, request.getRequestId(), request).get();
            } else if (event instanceof SlaEvent slaEvent) {
                publisher.publish(Topics.SLA, slaEvent.getRequestId(), slaEvent).get();
            }
        }
    }

    private TrialReport report() {
        return get("/api/trial-report?period=" + PERIOD).expectBody(TrialReport.class).returnResult().getResponseBody();
    }

    private Map<String, Object> realViews() {
        Map<String, Object> views = new java.util.LinkedHashMap<>();
        REAL_VIEWS.forEach(path -> views.put(path, get(path).expectBody(Object.class).returnResult().getResponseBody()));
        return views;
    }

    private WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD)).exchange()
                .expectStatus().isOk();
    }
}
