package org.fcr.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fcr.events.RequestEventType;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.fcr.sla.support.ConfiguredStandards;
import org.fcr.sla.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which event ends which stage and starts which, straight on the engine (no Kafka). */
class StageChainTest {

    private static final Instant T = Instant.parse("2026-03-02T01:00:00Z");

    @BeforeAll
    static void trustEvents() {
        Topics.REQUESTS.name(); // loading the registry trusts the Avro event package
    }

    @ParameterizedTest(name = "{0} after {1}: ends {2}, starts {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ACKNOWLEDGED  | DISPATCHED    | ACKNOWLEDGE | ORGANISE
            ORGANISED     | ACKNOWLEDGED  | ORGANISE    | ON_SITE
            ON_SITE       | ORGANISED     | ON_SITE     | COMPLETE
            COMPLETED     | ON_SITE       | COMPLETE    | REPORT_BACK
            REPORTED_BACK | COMPLETED     | REPORT_BACK | REVISIT
            REVISITED     | REPORTED_BACK | REVISIT     |
            """)
    void eachStageCommandEndsItsStageAndStartsTheNext(RequestEventType event, RequestEventType previous, Stage ends, Stage starts) {
        SlaEngine engine = new SlaEngine(ConfiguredStandards.standards());
        Requests request = Requests.faultRepair("R-chain");
        RequestClock clock = RequestClock.fresh(request.id());
        engine.onEvent(clock, previous == RequestEventType.DISPATCHED ? request.dispatched(T)
                : previous == RequestEventType.ACKNOWLEDGED ? request.acknowledged(T) : request.event(previous, T));
        Effects effects = engine.onEvent(clock, event == RequestEventType.ACKNOWLEDGED
                ? request.acknowledged(T.plus(Duration.ofMinutes(1))) : request.event(event, T.plus(Duration.ofMinutes(1))));
        assertThat(effects.events()).filteredOn(e -> e.getKind() == SlaEventKind.MET).extracting(SlaEvent::getStage)
                .containsExactly(ends);
        List<Stage> started = effects.events().stream().filter(e -> e.getKind() == SlaEventKind.STARTED)
                .map(SlaEvent::getStage).toList();
        assertThat(started).isEqualTo(starts == null ? List.of() : List.of(starts));
        assertThat(effects.outcomes()).singleElement().satisfies(o -> assertThat(o.stage()).isEqualTo(ends));
    }
}
