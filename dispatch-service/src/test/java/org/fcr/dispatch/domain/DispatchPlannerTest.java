package org.fcr.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handoff contract: re-routing a return, forwarding, ping-pong detection and arbitration. */
class DispatchPlannerTest {

    static final RoutingQuery LEAK = Fixtures.query("FAULT_REPAIR", "水电", "3-2-501", "2025-06-09T10:00");
    final DispatchPlanner planner = new DispatchPlanner(Fixtures.table(), new PingPongPolicy(2, "administration"));

    /** Applies an outcome the way the service does (handler left out). */
    static RequestRouting after(Outcome outcome) {
        return outcome.plan().map(plan -> outcome.state().dispatched(plan, null)).orElse(outcome.state());
    }

    RequestRouting dispatchedTo(String department) {
        return after(planner.onDispatchRequested(RequestRouting.start("R1"), LEAK, department));
    }

    @Test
    void theFirstDispatchFollowsTheRulesAndCountsAsAttemptOne() {
        var plan = planner.onDispatchRequested(RequestRouting.start("R1"), LEAK, null).plan().orElseThrow();
        assertThat(plan.department().code()).isEqualTo("engineering");
        assertThat(plan.reason()).isEqualTo(DispatchReason.INITIAL);
        assertThat(plan.attempt()).isEqualTo(1);
        assertThat(plan.ruleId()).isEqualTo("fault-repair");
        assertThat(DispatchPlan.decisionId("R1", plan.attempt())).isEqualTo("R1-dispatch-1");
    }

    @ParameterizedTest(name = "desk names {0} → {1} ({2})")
    @CsvSource(nullValues = "-", textBlock = """
            security,    security,    MANUAL
            nowhere,     engineering, INITIAL
            -,           engineering, INITIAL
            """)
    void aDepartmentNamedByTheDeskIsHonouredWhenItExists(String named, String expected, DispatchReason reason) {
        var plan = planner.onDispatchRequested(RequestRouting.start("R1"), LEAK, named).plan().orElseThrow();
        assertThat(plan.department().code()).isEqualTo(expected);
        assertThat(plan.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} returns suggesting {1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            engineering, security,    security,         -
            engineering, engineering, customer-service, -
            engineering, nowhere,     customer-service, -
            engineering, -,           customer-service, -
            """)
    void aReturnGoesToTheSuggestionElseTheNextRuleElseTheDesk(String returning, String suggested, String expected, String rule) {
        var state = dispatchedTo(null);
        var plan = planner.onReturned(state, LEAK, returning, suggested).plan().orElseThrow();
        assertThat(plan.department().code()).isEqualTo(expected);
        assertThat(plan.reason()).isEqualTo(DispatchReason.REROUTED_AFTER_RETURN);
        assertThat(plan.attempt()).isEqualTo(2);
        assertThat(plan.previousDepartment()).isEqualTo("engineering");
        assertThat(plan.ruleId()).isEqualTo(rule);
        assertThat(plan.arbitrationRequired()).isFalse();
    }

    @Test
    void aReturnFallsToTheNextMatchingRule() {
        var landscapeFault = Fixtures.query("FAULT_REPAIR", "景观绿化", "3-2-501", "2025-06-09T10:00");
        var state = after(planner.onDispatchRequested(RequestRouting.start("R1"), landscapeFault, null));
        assertThat(state.currentDepartment()).isEqualTo("landscaping");
        var plan = planner.onReturned(state, landscapeFault, "landscaping", null).plan().orElseThrow();
        assertThat(plan.department().code()).isEqualTo("engineering");
        assertThat(plan.ruleId()).isEqualTo("fault-repair");
    }

    @Test
    void theSecondReturnIsAPingPongForTheManager() {
        var first = after(planner.onReturned(dispatchedTo(null), LEAK, "engineering", "security"));
        var outcome = planner.onReturned(first, LEAK, "security", "engineering");
        var plan = outcome.plan().orElseThrow();
        assertThat(plan.arbitrationRequired()).isTrue();
        assertThat(plan.department().code()).isEqualTo("administration");
        assertThat(plan.fixedHandler()).isEqualTo("mgr01");
        assertThat(plan.returnCount()).isEqualTo(2);
        assertThat(plan.sendsOrder()).isFalse();
        var waiting = after(outcome);
        assertThat(waiting.arbitrationPending()).isTrue();
        assertThat(waiting.returnedBy()).containsExactly("engineering", "security");
        assertThat(waiting.departmentsInvolved()).containsExactly("engineering", "security");
        // while the manager decides, further returns and forwards send nothing
        assertThat(planner.onReturned(waiting, LEAK, "administration", null).plan()).isEmpty();
        assertThat(planner.onForwarded(waiting, LEAK, "administration", "cleaning").plan()).isEmpty();
    }

    @ParameterizedTest(name = "limit {0}: {1} returns → arbitration {2}")
    @CsvSource(textBlock = """
            1, 1, true
            2, 1, false
            3, 2, false
            3, 3, true
            """)
    void thePingPongLimitIsConfigurable(int limit, int returns, boolean arbitration) {
        var planner = new DispatchPlanner(Fixtures.table(), new PingPongPolicy(limit, "administration"));
        var state = after(planner.onDispatchRequested(RequestRouting.start("R1"), LEAK, null));
        Outcome outcome = null;
        for (int i = 0; i < returns; i++) {
            outcome = planner.onReturned(state, LEAK, state.currentDepartment(), null);
            state = after(outcome);
        }
        assertThat(outcome.plan().orElseThrow().arbitrationRequired()).isEqualTo(arbitration);
    }

    @Test
    void arbitrationNamesTheDepartmentAndTheWrongOnesAndSettlesThePast() {
        var waiting = after(planner.onReturned(after(planner.onReturned(dispatchedTo(null), LEAK, "engineering", "security")),
                LEAK, "security", null));
        var outcome = planner.arbitrate(waiting, "engineering", List.of("engineering", "engineering"));
        var plan = outcome.plan().orElseThrow();
        assertThat(plan.reason()).isEqualTo(DispatchReason.ARBITRATED);
        assertThat(plan.department().code()).isEqualTo("engineering");
        assertThat(plan.wrongDepartments()).containsExactly("engineering");
        assertThat(plan.attempt()).isEqualTo(4);
        var settled = after(outcome);
        assertThat(settled.arbitrationPending()).isFalse();
        assertThat(settled.openReturns()).isZero();
        assertThat(settled.returnCount()).isEqualTo(2);
        // a later return starts a fresh count: it is re-routed, not sent straight back to the manager
        assertThat(planner.onReturned(settled, LEAK, "engineering", "security").plan().orElseThrow().arbitrationRequired()).isFalse();
    }

    @Test
    void arbitrationIsRefusedWhenNothingWaitsOrTheDepartmentIsUnknown() {
        var state = dispatchedTo(null);
        assertThatThrownBy(() -> planner.arbitrate(state, "engineering", List.of()))
                .isInstanceOf(RoutingRefused.class).extracting("code").isEqualTo("no-arbitration-pending");
        var waiting = after(planner.onReturned(after(planner.onReturned(state, LEAK, "engineering", null)), LEAK, "customer-service", null));
        assertThatThrownBy(() -> planner.arbitrate(waiting, "nowhere", List.of()))
                .isInstanceOf(RoutingRefused.class).extracting("code").isEqualTo("unknown-department");
        assertThatThrownBy(() -> planner.arbitrate(waiting, "engineering", List.of("nowhere")))
                .isInstanceOf(RoutingRefused.class).extracting("code").isEqualTo("unknown-department");
    }

    @ParameterizedTest(name = "forward {0} → {1} gives {2}")
    @CsvSource(textBlock = """
            engineering, security,    security
            engineering, nowhere,     customer-service
            engineering, engineering, customer-service
            """)
    void aForwardGoesToItsTargetWhenThatIsAnotherRealDepartment(String from, String to, String expected) {
        var plan = planner.onForwarded(dispatchedTo(null), LEAK, from, to).plan().orElseThrow();
        assertThat(plan.department().code()).isEqualTo(expected);
        assertThat(plan.reason()).isEqualTo(DispatchReason.FORWARDED);
        assertThat(plan.returnCount()).isZero();
    }

    @Test
    void arbitrationCanBeAskedForBeforeTheLimitButOnlyOnceAndOnlyAfterADispatch() {
        assertThat(planner.onArbitrationRequested(RequestRouting.start("R1")).plan()).isEmpty();
        var outcome = planner.onArbitrationRequested(dispatchedTo(null));
        assertThat(outcome.plan().orElseThrow().arbitrationRequired()).isTrue();
        assertThat(outcome.plan().orElseThrow().fixedHandler()).isEqualTo("mgr01");
        assertThat(planner.onArbitrationRequested(after(outcome)).plan()).isEmpty();
    }

    @Test
    void aClosedRequestIsNotReroutedUntilItIsReopenedAndDispatchedAgain() {
        var closed = dispatchedTo(null).closedNow();
        assertThat(planner.onReturned(closed, LEAK, "engineering", "security").plan()).isEmpty();
        assertThat(planner.onForwarded(closed, LEAK, "engineering", "security").plan()).isEmpty();
        assertThat(planner.onArbitrationRequested(closed).plan()).isEmpty();
        var again = after(planner.onDispatchRequested(closed.reopened(), LEAK, null));
        assertThat(again.closed()).isFalse();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.hops()).extracting(Hop::reason).containsExactly(DispatchReason.INITIAL, DispatchReason.MANUAL);
    }

    @Test
    void processedEventsAreRemembered() {
        var state = RequestRouting.start("R1").processed("R1-3");
        assertThat(state.hasProcessed("R1-3")).isTrue();
        assertThat(state.hasProcessed("R1-4")).isFalse();
    }
}
