package org.fcr.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.fcr.scoring.support.SampleMonth;
import org.junit.jupiter.api.Test;

/** Replaying the whole event log rebuilds exactly the same ledger. */
class ReplayTest {

    final List<List<Object>> stories = SampleMonth.requests("M", Instant.parse("2026-11-02T01:00:00Z"));

    @Test
    void theSampleMonthExercisesEveryAutomaticRule() {
        Set<PenaltyRule> raised = new LedgerSimulator().feed(SampleMonth.inOrder(stories)).ledger().values().stream()
                .map(LedgerEntry::rule).collect(Collectors.toSet());
        assertThat(raised).containsAll(Set.of(PenaltyRule.STAGE_LATE, PenaltyRule.NEXT_STAGE_DELAYED,
                PenaltyRule.MISSING_SIGNOFF, PenaltyRule.SIGNOFF_HARM, PenaltyRule.ACK_LATE,
                PenaltyRule.REPEAT_COMPLAINT, PenaltyRule.IN_SCOPE_TRANSFER, PenaltyRule.ARBITRATION_FINDING,
                PenaltyRule.PUSHED_AWAY));
    }

    @Test
    void replayingFromScratchGivesTheSameLedger() {
        var first = new LedgerSimulator().feed(SampleMonth.inOrder(stories)).ledger();
        var again = new LedgerSimulator().feed(SampleMonth.inOrder(stories)).ledger();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void replayingOnTopOfTheLedgerAddsNothing() {
        var simulator = new LedgerSimulator().feed(SampleMonth.inOrder(stories));
        var before = java.util.Map.copyOf(simulator.ledger());
        simulator.feed(SampleMonth.inOrder(stories));
        assertThat(simulator.ledger()).isEqualTo(before);
    }

    @Test
    void anotherInterleavingOfRequestsGivesTheSameLedger() {
        var inOrder = new LedgerSimulator().feed(SampleMonth.inOrder(stories)).ledger();
        var interleaved = new LedgerSimulator().feed(SampleMonth.interleaved(stories)).ledger();
        assertThat(interleaved).isEqualTo(inOrder);
    }
}
