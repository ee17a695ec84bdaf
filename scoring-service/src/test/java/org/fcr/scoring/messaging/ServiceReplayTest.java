package org.fcr.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fcr.scoring.api.AssessmentService;
import org.fcr.scoring.domain.Assessment;
import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.SubjectType;
import org.fcr.scoring.support.Pipeline;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.scoring.support.SampleMonth;
import org.fcr.scoring.support.Steps;
import org.fcr.scoring.support.Story;
import org.fcr.scoring.support.ScoringServiceTest;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Replaying the whole event log through the service rebuilds exactly the same ledger and assessments. */
@ScoringServiceTest
class ServiceReplayTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "fcr_scoring_test");
    }

    @Autowired
    RequestScoring requests;
    @Autowired
    SlaScoring sla;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    AssessmentService assessments;

    record Snapshot(Map<String, LedgerEntry> ledger, List<Assessment> departments, List<Assessment> people) {
    }

    @Test
    void replayFromScratchAndOnTopGiveTheSameLedgerAndFigures() {
        Pipeline pipeline = new Pipeline(requests, sla, mongo);
        List<List<Object>> stories = SampleMonth.requests("RP", Instant.parse("2025-01-02T01:00:00Z"));

        pipeline.wipe();
        pipeline.feed(SampleMonth.inOrder(stories));
        Snapshot first = snapshot();
        assertThat(first.ledger()).hasSizeGreaterThan(10);
        assertThat(first.departments()).extracting(Assessment::subjectId)
                .contains("engineering", "security", "cleaning");

        pipeline.feed(SampleMonth.inOrder(stories));
        assertThat(snapshot()).as("replayed on top").isEqualTo(first);

        pipeline.wipe();
        pipeline.feed(SampleMonth.interleaved(stories));
        assertThat(snapshot()).as("from scratch, another interleaving").isEqualTo(first);
    }

    @Test
    void requestAndSlaEventsOfOneRequestAppliedAtOnceLoseNothing() {
        List<Story> stories = new java.util.ArrayList<>();
        List<Object> requestSide = new java.util.ArrayList<>();
        List<Object> slaSide = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Story s = Story.of("RACE-" + i, Instant.parse("2025-05-02T01:00:00Z"));
            stories.add(s);
            requestSide.add(s.accepted());
            requestSide.add(Steps.dispatched(s, "engineering"));
            slaSide.add(s.sla(SlaEventKind.STARTED, Stage.ACKNOWLEDGE, null, "engineering"));
            slaSide.add(s.sla(SlaEventKind.BREACHED, Stage.ACKNOWLEDGE, null, "engineering"));
        }
        Pipeline pipeline = new Pipeline(requests, sla, mongo);
        reactor.core.publisher.Mono.when(
                reactor.core.publisher.Mono.fromRunnable(() -> pipeline.feed(requestSide))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()),
                reactor.core.publisher.Mono.fromRunnable(() -> pipeline.feed(slaSide))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .block(Duration.ofSeconds(120));

        for (Story s : stories) {
            org.bson.Document facts = mongo.findById(s.requestId(), org.bson.Document.class, "request_facts").block();
            assertThat(facts.getList("seenEventIds", String.class)).as(s.requestId()).hasSize(4);
            assertThat(facts.getBoolean("dispatched")).isTrue();
            assertThat(facts.get("breached", org.bson.Document.class).getInteger("ACKNOWLEDGE")).isEqualTo(1);
        }
    }

    private Snapshot snapshot() {
        Map<String, LedgerEntry> ledger = mongo.findAll(LedgerEntry.class, "ledger").collectList()
                .block(Duration.ofSeconds(30)).stream().collect(Collectors.toMap(LedgerEntry::id, Function.identity()));
        return new Snapshot(ledger, assessments.assessments("2025-01", SubjectType.DEPARTMENT).block(),
                assessments.assessments("2025-01", SubjectType.PERSON).block());
    }
}
