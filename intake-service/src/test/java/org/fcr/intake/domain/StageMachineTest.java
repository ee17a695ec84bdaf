package org.fcr.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.fcr.events.RequestEventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §4 as a table: what each stage accepts, and what an out-of-order command is told. */
class StageMachineTest {

    static Stream<Arguments> stages() {
        return Stream.of(
                row("accepted", j -> j, Step.ACCEPTED, "fill-in", "register"),
                row("registered", Journey::register, Step.REGISTERED, "request-dispatch"),
                row("waiting for dispatch", j -> j.register().requestDispatch(), Step.AWAITING_DISPATCH),
                row("dispatched", j -> j.register().requestDispatch().dispatched("engineering", 1), Step.DISPATCHED,
                        "acknowledge", "return", "forward"),
                row("acknowledged", j -> Journey.atDepartment().acknowledge(), Step.ACKNOWLEDGED, "organise", "on-site"),
                row("organised", j -> Journey.atDepartment().acknowledge().organise(), Step.ORGANISED, "on-site"),
                row("on site", j -> Journey.atDepartment().acknowledge().onSite(), Step.ON_SITE, "complete"),
                row("completed", j -> Journey.atDepartment().acknowledge().onSite().complete(), Step.COMPLETED,
                        "sign-off", "report-back"),
                row("reported back", j -> Journey.atDepartment().acknowledge().onSite().complete().reportBack(),
                        Step.REPORTED_BACK, "notify-customer", "revisit"),
                row("revisited, solved", j -> Journey.atDepartment().acknowledge().onSite().complete().reportBack()
                        .revisit(true), Step.REVISITED, "revisit", "close"),
                row("revisited, not solved: reopened", j -> Journey.atDepartment().acknowledge().onSite().complete()
                        .reportBack().revisit(false), Step.REGISTERED, "request-dispatch"));
    }

    static Arguments row(String name, UnaryOperator<Journey> path, Step step, String... expected) {
        return Arguments.of(name, path, step, List.of(expected));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("stages")
    void eachStageAcceptsExactlyItsNextCommands(String name, UnaryOperator<Journey> path, Step step, List<String> expected) {
        RequestState s = path.apply(Journey.accepted()).state;

        assertThat(s.step()).isEqualTo(step);
        List<String> chain = StageMachine.allowed(s).stream()
                .filter(c -> c != StageCommand.ESCALATE && c != StageCommand.OVERRIDE_FIRST_RESPONDER && c != StageCommand.MERGE)
                .map(StageCommand::path).toList();
        assertThat(chain).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}: every other command is a conflict naming {3}")
    @MethodSource("stages")
    void everyOtherChainCommandIsRefusedNamingTheExpectedOnes(String name, UnaryOperator<Journey> path, Step step,
                                                              List<String> expected) {
        RequestState s = path.apply(Journey.accepted()).state;
        for (StageCommand c : StageCommand.values()) {
            if (expected.contains(c.path()) || c == StageCommand.ESCALATE || c == StageCommand.OVERRIDE_FIRST_RESPONDER
                    || c == StageCommand.MERGE || c == StageCommand.QUOTE || c == StageCommand.CONSENT
                    || c == StageCommand.REFUSE_CONSENT || c == StageCommand.FEE_PAID || c == StageCommand.RECEIPT) {
                continue;
            }
            assertThatThrownBy(() -> StageMachine.require(s, c)).as(c.path())
                    .isInstanceOfSatisfying(StageConflict.class, e -> {
                        assertThat(e.current()).isEqualTo(step);
                        assertThat(e.expected().stream().map(StageCommand::path).toList())
                                .containsExactlyInAnyOrderElementsOf(expected);
                    });
        }
    }

    @ParameterizedTest(name = "complete before on site names on-site")
    @MethodSource("stages")
    void completingBeforeOnSiteIsRefused(String name, UnaryOperator<Journey> path, Step step, List<String> expected) {
        if (step != Step.ACKNOWLEDGED) {
            return;
        }
        Journey j = path.apply(Journey.accepted());
        assertThatThrownBy(() -> j.complete()).isInstanceOf(StageConflict.class)
                .hasMessageContaining("Cannot complete at stage ACKNOWLEDGED").hasMessageContaining("on-site");
    }

    @org.junit.jupiter.api.Test
    void aClosedRequestAcceptsNothing() {
        RequestState s = Journey.atDepartment().acknowledge().onSite().complete().reportBack().revisit(true).close().state;

        assertThat(s.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(StageMachine.allowed(s)).isEmpty();
        assertThatThrownBy(() -> StageMachine.require(s, StageCommand.ESCALATE)).isInstanceOf(StageConflict.class)
                .hasMessageContaining("CLOSED");
    }

    @org.junit.jupiter.api.Test
    void theFullChainLeavesOneSignedEventPerStepInOrder() {
        Journey j = Journey.atDepartment().acknowledge().organise().onSite().complete().reportBack().revisit(true).close();

        assertThat(j.events).extracting(e -> e.getType()).containsExactly(RequestEventType.ACCEPTED,
                RequestEventType.REGISTERED, RequestEventType.DISPATCH_REQUESTED, RequestEventType.DISPATCHED,
                RequestEventType.ACKNOWLEDGED, RequestEventType.ORGANISED, RequestEventType.ON_SITE,
                RequestEventType.COMPLETED, RequestEventType.REPORTED_BACK, RequestEventType.REVISITED,
                RequestEventType.CLOSED);
        assertThat(j.events).extracting(e -> e.getSequence()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(j.events).allSatisfy(e -> assertThat(e.getEventId()).isEqualTo("R-TEST-" + e.getSequence()));
        assertThat(j.events.get(4).getActor().getEmployeeId()).isEqualTo("eng01");
        assertThat(j.events.get(4).getContext().getHandler().getEmployeeId()).isEqualTo("eng01");
        assertThat(RequestEvolution.replay(j.events).step()).isEqualTo(Step.CLOSED);
    }
}
