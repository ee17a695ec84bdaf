package org.fcr.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fcr.events.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 8: a request is a drill when asked, received in a trial period, or taken by a department in TRIAL. */
class DrillRuleTest {

    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-03-08T00:00:00Z");
    static final Actor ENGINEER = Journey.ENGINEER;
    static final Actor GUARD = Journey.GUARD;
    static final Actor OUTSIDER = Journey.actor("J9", "外包", null, null, 0);

    static final TrialSettings LIVE = TrialSettings.ALL_LIVE;
    static final TrialSettings ENGINEERING_TRIAL = new TrialSettings(1, Map.of("engineering", DepartmentMode.TRIAL), List.of());
    static final TrialSettings MARCH_PERIOD = new TrialSettings(1, Map.of(),
            List.of(new TrialPeriod("period-1", FROM, TO, "内部模拟")));
    static final TrialSettings EXPLICIT_LIVE = new TrialSettings(2, Map.of("engineering", DepartmentMode.LIVE), List.of());

    static Stream<Arguments> cases() {
        Instant inside = FROM.plusSeconds(3600);
        return Stream.of(
                Arguments.of("default: all live, no period", false, inside, ENGINEER, LIVE, null),
                Arguments.of("asked for, all live", true, inside, ENGINEER, LIVE, DrillRule.Why.ASKED),
                Arguments.of("asked wins over every other reason", true, inside, ENGINEER, MARCH_PERIOD, DrillRule.Why.ASKED),
                Arguments.of("first responder's department in TRIAL", false, inside, ENGINEER, ENGINEERING_TRIAL,
                        DrillRule.Why.DEPARTMENT_IN_TRIAL),
                Arguments.of("another department in TRIAL", false, inside, GUARD, ENGINEERING_TRIAL, null),
                Arguments.of("first responder without department", false, inside, OUTSIDER, ENGINEERING_TRIAL, null),
                Arguments.of("no first responder", false, inside, null, ENGINEERING_TRIAL, null),
                Arguments.of("department switched back to LIVE", false, inside, ENGINEER, EXPLICIT_LIVE, null),
                Arguments.of("received inside the period", false, inside, GUARD, MARCH_PERIOD, DrillRule.Why.TRIAL_PERIOD),
                Arguments.of("received at the period's start (inclusive)", false, FROM, GUARD, MARCH_PERIOD,
                        DrillRule.Why.TRIAL_PERIOD),
                Arguments.of("received at the period's end (exclusive)", false, TO, GUARD, MARCH_PERIOD, null),
                Arguments.of("received just before the period", false, FROM.minusMillis(1), GUARD, MARCH_PERIOD, null),
                Arguments.of("period before department", false, inside, ENGINEER,
                        new TrialSettings(3, ENGINEERING_TRIAL.departments(), MARCH_PERIOD.periods()),
                        DrillRule.Why.TRIAL_PERIOD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesWhetherARequestIsADrill(String name, boolean asked, Instant receivedAt, Actor firstResponder,
                                        TrialSettings settings, DrillRule.Why expected) {
        assertThat(DrillRule.why(asked, receivedAt, firstResponder, settings).orElse(null)).isEqualTo(expected);
        assertThat(DrillRule.isDrill(asked, receivedAt, firstResponder, settings)).isEqualTo(expected != null);
    }

    @Test
    void acceptingMarksTheContextOfEveryEventWhenTheFirstResponderRehearses() {
        NewRequest request = Journey.request(true, false, List.of(ENGINEER));

        Decision drill = RequestIntake.accept("R-DRILL", request, Journey.DESK, Journey.T0, ENGINEERING_TRIAL);
        Decision live = RequestIntake.accept("R-LIVE", request, Journey.DESK, Journey.T0, LIVE);

        assertThat(drill.events()).hasSize(3).allSatisfy(e -> assertThat(e.getContext().getDrill()).isTrue());
        assertThat(drill.state().context().getDrill()).isTrue();
        assertThat(live.events()).allSatisfy(e -> assertThat(e.getContext().getDrill()).isFalse());
    }
}
