package org.fcr.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.fcr.events.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §1: the first employee reached is first responder; asked together, the highest rank is. */
class FirstResponderRuleTest {

    static final Actor GUARD = Journey.actor("staff01", "张伟", "security", "STAFF", 1);
    static final Actor DESK = Journey.actor("desk01", "王芳", "customer-service", "DESK", 2);
    static final Actor SUPERVISOR = Journey.actor("sup01", "周主管", "engineering", "SUPERVISOR", 3);
    static final Actor OTHER_DESK = Journey.actor("desk02", "赵丽", "customer-service", "DESK", 2);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nobody named: the signer", List.of(), null, DESK, "desk01"),
                Arguments.of("named: the named one", List.of(), GUARD, DESK, "staff01"),
                Arguments.of("asked together: highest rank", List.of(GUARD, SUPERVISOR, DESK), null, DESK, "sup01"),
                Arguments.of("asked together beats named", List.of(GUARD, SUPERVISOR), GUARD, DESK, "sup01"),
                Arguments.of("equal rank: the one named first", List.of(GUARD, OTHER_DESK, DESK), null, GUARD, "desk02"),
                Arguments.of("alone in the group", List.of(GUARD), null, DESK, "staff01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void choosesTheFirstResponder(String name, List<Actor> asked, Actor named, Actor signer, String expected) {
        assertThat(FirstResponderRule.choose(asked, named, signer).getEmployeeId()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theRuleIsAppliedWhenARequestIsAccepted() {
        Journey j = Journey.start(Journey.request(true, false, List.of(GUARD, SUPERVISOR)));

        assertThat(j.state.context().getFirstResponder().getEmployeeId()).isEqualTo("sup01");
        assertThat(j.events.get(0).getActor().getEmployeeId()).isEqualTo("desk01");
        assertThat(((org.fcr.events.Accepted) j.events.get(0).getPayload()).getAskedTogether())
                .extracting(Actor::getEmployeeId).containsExactly("staff01", "sup01");
    }
}
