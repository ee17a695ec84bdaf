package org.fcr.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The three rates, points and the composite (0.1 response + 0.5 resolution + 0.4 satisfaction). */
class AssessorTest {

    final Assessor assessor = new Assessor(Weights.defaults());
    final Subject engineering = Subject.department("engineering");

    static Contribution request(boolean acknowledged, Boolean solved, String satisfaction) {
        return new Contribution("FAULT_REPAIR", "3", "engineering", true, acknowledged, false, solved, satisfaction, 0,
                Map.of(), Map.of());
    }

    /** acknowledged of 10 dispatched, solved of 10 visits, satisfied / basically / not of 10 valid → composite. */
    static Stream<Arguments> composites() {
        return Stream.of(
                Arguments.of(10, 10, 10, 0, 0, 100.0),
                Arguments.of(0, 0, 0, 0, 10, 0.0),
                Arguments.of(10, 10, 0, 10, 0, 96.0),     // satisfaction 0.9 → 10 + 50 + 36
                Arguments.of(5, 10, 10, 0, 0, 95.0),      // response 0.5 → 5 + 50 + 40
                Arguments.of(10, 5, 10, 0, 0, 75.0),      // resolution 0.5 → 10 + 25 + 40
                Arguments.of(8, 7, 6, 2, 2, 74.2));       // 8 + 35 + 0.4 × 78
    }

    @ParameterizedTest(name = "{0} ack, {1} solved, {2}/{3}/{4} satisfied/basically/not → {5}")
    @MethodSource("composites")
    void composite(int acknowledged, int solved, int satisfied, int basically, int unsatisfied, double expected) {
        List<Contribution> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String satisfaction = i < satisfied ? "SATISFIED" : i < satisfied + basically ? "BASICALLY_SATISFIED"
                    : i < satisfied + basically + unsatisfied ? "NOT_SATISFIED" : "UNKNOWN";
            requests.add(request(i < acknowledged, i < solved, satisfaction));
        }
        double response = acknowledged / 10.0, resolution = solved / 10.0;
        int valid = satisfied + basically + unsatisfied;
        double satisfaction = valid == 0 ? 0 : (satisfied + 0.9 * basically) / valid;
        double byHand = 100 * (0.1 * response + 0.5 * resolution + 0.4 * satisfaction);

        Assessment a = assessor.assess("2026-11", engineering, requests, List.of());

        assertThat(a.composite()).isCloseTo(byHand, within(0.01)).isCloseTo(expected, within(0.01));
    }

    @Test
    void satisfactionCountsBasicallySatisfiedAtNinetyPercentOverValidVisitsOnly() {
        Assessment a = assessor.assess("2026-11", engineering, List.of(request(true, true, "SATISFIED"),
                request(true, true, "BASICALLY_SATISFIED"), request(true, false, "UNKNOWN")), List.of());
        assertThat(a.satisfactionRate()).isCloseTo(0.95, within(1e-9));
        assertThat(a.validRevisits()).isEqualTo(2);
        assertThat(a.resolutionRate()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void pointsStartFromTheBaseAndCancelledEntriesDoNotCount() {
        Instant at = Instant.parse("2026-11-03T00:00:00Z");
        List<EntrySummary> entries = List.of(
                new EntrySummary("a", PenaltyRule.STAGE_LATE, -5, 0, EntryStatus.ACTIVE, at, SubjectType.DEPARTMENT, "engineering"),
                new EntrySummary("b", PenaltyRule.ACK_LATE, 0, 50, EntryStatus.UPHELD, at, SubjectType.DEPARTMENT, "engineering"),
                new EntrySummary("c", PenaltyRule.REPEAT_COMPLAINT, 0, 50, EntryStatus.APPEALED, at, SubjectType.PERSON, "sup01"),
                new EntrySummary("d", PenaltyRule.NEXT_STAGE_DELAYED, -10, 0, EntryStatus.CANCELLED, at, SubjectType.PERSON, "eng01"));
        Assessment a = assessor.assess("2026-11", engineering, List.of(request(true, null, null),
                request(false, null, null)), entries);
        assertThat(a.points()).isEqualTo(95);
        assertThat(a.fineYuan()).isEqualTo(100);
        assertThat(a.entries()).isEqualTo(3);
        assertThat(a.repeatComplaints()).isEqualTo(1);
        assertThat(a.repeatComplaintRate()).isEqualTo(0.5);
        assertThat(a.responseRate()).isEqualTo(0.5);
        assertThat(a.composite()).as("only the response rate is measurable").isEqualTo(50.0);
    }

    @Test
    void onTimeRatePerStage() {
        Contribution late = new Contribution("FAULT_REPAIR", null, "engineering", true, true, false, null, null, 0,
                Map.of("ACKNOWLEDGE", 1), Map.of("ON_SITE", 1));
        Contribution onTime = new Contribution("FAULT_REPAIR", null, "engineering", true, true, false, null, null, 0,
                Map.of("ACKNOWLEDGE", 1, "ON_SITE", 3), Map.of());
        Assessment a = assessor.assess("2026-11", engineering, List.of(late, onTime), List.of());
        assertThat(a.onTimeRate()).containsEntry("ACKNOWLEDGE", 1.0).containsEntry("ON_SITE", 0.75);
    }

    @Test
    void nothingMeasurableMeansNoComposite() {
        assertThat(assessor.assess("2026-11", engineering, List.of(), List.of()).composite()).isNull();
    }
}
