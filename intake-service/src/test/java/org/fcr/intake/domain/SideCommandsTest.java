package org.fcr.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fcr.events.EscalationLevel;
import org.fcr.events.Escalated;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.junit.jupiter.api.Test;

/** Paid services, escalation, the override, merging, returns and forwards, and dispatch decisions. */
class SideCommandsTest {

    static Journey paidAtDepartment() {
        return Journey.start(Journey.request(false, true, List.of())).register().requestDispatch()
                .dispatched("engineering", 1).acknowledge();
    }

    @Test
    void aPaidServiceCannotGoOnSiteBeforeConsent() {
        Journey j = paidAtDepartment();

        assertThatThrownBy(j::onSite).isInstanceOfSatisfying(StageConflict.class, e -> {
            assertThat(e.getMessage()).contains("consented");
            assertThat(e.expected()).contains(StageCommand.QUOTE);
        });
        j.take(SideCommands.quote(j.state, Journey.DESK, j.now(), 5000L, "换龙头"));
        assertThatThrownBy(j::onSite).isInstanceOf(StageConflict.class);
        j.take(SideCommands.consent(j.state, Journey.DESK, j.now(), null)).onSite();
        assertThat(j.state.step()).isEqualTo(Step.ON_SITE);
    }

    @Test
    void aPaidServiceClosesOnlyAfterFeeAndReceipt() {
        Journey j = paidAtDepartment();
        j.take(SideCommands.quote(j.state, Journey.DESK, j.now(), 5000L, null))
                .take(SideCommands.consent(j.state, Journey.DESK, j.now(), null))
                .onSite().complete().reportBack().revisit(true);

        assertThatThrownBy(j::close).isInstanceOf(StageConflict.class).hasMessageContaining("receipt");
        j.take(SideCommands.feePaid(j.state, Journey.DESK, j.now(), 5000L, "微信"))
                .take(SideCommands.receipt(j.state, Journey.DESK, j.now(), "NO-0001")).close();
        assertThat(j.state.status()).isEqualTo(RequestStatus.CLOSED);
    }

    @Test
    void refusingThePriceClosesTheRequest() {
        Journey j = paidAtDepartment();
        j.take(SideCommands.quote(j.state, Journey.DESK, j.now(), 5000L, null))
                .take(SideCommands.refuseConsent(j.state, Journey.DESK, j.now(), "太贵"));

        assertThat(j.state.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(j.state.closedOutcome()).isEqualTo("CONSENT_REFUSED");
        assertThat(j.events).extracting(e -> e.getType()).endsWith(RequestEventType.CONSENT_REFUSED, RequestEventType.CLOSED);
    }

    @Test
    void aPaidRequestMustBeOutOfScope() {
        var inScopePaid = new NewRequest(org.fcr.events.Channel.WEB, org.fcr.events.Category.SERVICE, null,
                org.fcr.events.RequestSize.SMALL, org.fcr.events.Scope.IN_SCOPE, false, true, false,
                new org.fcr.events.Customer("李", null, null), null, "x", null, null, null, null, null, List.of(), true, null);
        assertThatThrownBy(() -> RequestIntake.accept("R-X", inScopePaid, Journey.DESK, Journey.T0))
                .isInstanceOfSatisfying(CommandRefused.class, e -> assertThat(e.field()).isEqualTo("paid"));
    }

    @Test
    void onlyAManagerOverridesTheFirstResponderAndTheReasonIsKept() {
        Journey j = Journey.accepted();
        var next = Journey.actor("staff01", "张伟", "security", "STAFF", 1);

        assertThatThrownBy(() -> SideCommands.overrideFirstResponder(j.state, Journey.DESK, j.now(), next, "x"))
                .isInstanceOfSatisfying(CommandRefused.class, e -> assertThat(e.why()).isEqualTo(CommandRefused.Why.FORBIDDEN));
        assertThatThrownBy(() -> SideCommands.overrideFirstResponder(j.state, Journey.MANAGER, j.now(), next, " "))
                .isInstanceOfSatisfying(CommandRefused.class, e -> assertThat(e.field()).isEqualTo("reason"));
        j.take(SideCommands.overrideFirstResponder(j.state, Journey.MANAGER, j.now(), next, "王芳休假"));

        assertThat(j.state.context().getFirstResponder().getEmployeeId()).isEqualTo("staff01");
        var overridden = (org.fcr.events.FirstResponderOverridden) j.events.get(j.events.size() - 1).getPayload();
        assertThat(overridden.getPrevious().getEmployeeId()).isEqualTo("desk01");
        assertThat(overridden.getReason()).isEqualTo("王芳休假");
    }

    @Test
    void escalatingToTheOfficeManagerIsAConflictEscalationAndKeepsTheStage() {
        Journey j = Journey.atDepartment();
        j.take(SideCommands.escalate(j.state, Journey.DESK, j.now(), EscalationLevel.OFFICE_MANAGER, "业主不满", null));

        assertThat(((Escalated) j.events.get(j.events.size() - 1).getPayload()).getConflict()).isTrue();
        assertThat(j.state.step()).isEqualTo(Step.DISPATCHED);
        assertThat(j.state.escalations()).isEqualTo(1);
    }

    @Test
    void aReturnNeedsAWrittenReasonAndSendsTheTicketBackToDispatch() {
        Journey j = Journey.atDepartment();

        assertThatThrownBy(() -> StageCommands.returnTicket(j.state, Journey.ENGINEER, j.now(), "  ", null))
                .isInstanceOfSatisfying(CommandRefused.class, e -> assertThat(e.field()).isEqualTo("reason"));
        j.take(StageCommands.returnTicket(j.state, Journey.ENGINEER, j.now(), "属于安保", "security"));

        assertThat(j.state.step()).isEqualTo(Step.AWAITING_DISPATCH);
        assertThat(j.state.returnedBy()).containsExactly("engineering");
        j.dispatched("security", 2);
        assertThat(j.state.context().getDepartment()).isEqualTo("security");
    }

    @Test
    void anotherDepartmentCannotActOnTheTicket() {
        Journey j = Journey.atDepartment();

        assertThatThrownBy(() -> StageCommands.acknowledge(j.state, Journey.GUARD, j.now(), null))
                .isInstanceOfSatisfying(CommandRefused.class, e -> assertThat(e.why()).isEqualTo(CommandRefused.Why.FORBIDDEN));
        assertThat(StageCommands.acknowledge(j.state, Journey.DESK, j.now(), Journey.ENGINEER).state()
                .context().getHandler().getEmployeeId()).isEqualTo("eng01");
    }

    @Test
    void forwardingToTheSameDepartmentIsRefused() {
        Journey j = Journey.atDepartment();
        assertThatThrownBy(() -> StageCommands.forward(j.state, Journey.ENGINEER, j.now(), "engineering", "x"))
                .isInstanceOf(CommandRefused.class);
        j.take(StageCommands.forward(j.state, Journey.ENGINEER, j.now(), "security", "门禁归安保"));
        assertThat(j.state.step()).isEqualTo(Step.AWAITING_DISPATCH);
    }

    @Test
    void aDecisionIsAppliedOnceAndOnlyWhileWaitingForOne() {
        Journey j = Journey.accepted().register().requestDispatch();
        var decision = j.decision("engineering", 1);
        j.take(DispatchInbound.dispatched(j.state, decision, j.now()));

        assertThat(DispatchInbound.dispatched(j.state, decision, j.now()).events()).isEmpty();
        assertThat(DispatchInbound.dispatched(j.state, j.decision("security", 2), j.now()).events())
                .as("an INITIAL decision for a ticket already dispatched").isEmpty();
        assertThat(j.events.get(j.events.size() - 1).getAttributes()).containsEntry("decisionId", "R-TEST-dispatch-1");
    }

    @Test
    void decisionsArrivingTogetherAreAppliedInTheirOrderAsOneCommand() {
        Journey j = Journey.accepted().register().requestDispatch();
        long before = j.state.sequence();
        var initial = j.decision("engineering", 1);
        var manual = j.decision("security", 2);
        manual.setReason(org.fcr.events.DispatchReason.MANUAL);

        Decision together = DispatchInbound.dispatchedInOrder(j.state, List.of(initial, manual, initial), j.now());

        assertThat(together.events()).extracting(e -> e.getContext().getDepartment())
                .as("the repeated initial decision is applied once").containsExactly("engineering", "security");
        assertThat(together.events()).extracting(RequestEvent::getSequence).containsExactly(before + 1, before + 2);
        assertThat(together.state().sequence()).isEqualTo(before + 2);
        assertThat(together.state().appliedDecisions()).contains("R-TEST-dispatch-1", "R-TEST-dispatch-2");
    }

    @Test
    void mergingClosesTheDuplicateAndRecordsItOnceOnTheSurvivor() {
        Journey duplicate = Journey.accepted();
        Journey survivor = Journey.accepted();

        duplicate.take(SideCommands.mergeInto(duplicate.state, Journey.DESK, duplicate.now(), "R-OTHER", "同一漏水"));
        assertThat(duplicate.state.status()).isEqualTo(RequestStatus.MERGED);
        assertThat(duplicate.state.mergedInto()).isEqualTo("R-OTHER");

        survivor.take(SideCommands.recordMergedIn(survivor.state, Journey.DESK, survivor.now(), "R-DUP"));
        assertThat(SideCommands.recordMergedIn(survivor.state, Journey.DESK, survivor.now(), "R-DUP").events()).isEmpty();
        assertThat(survivor.state.mergedFrom()).containsExactly("R-DUP");
        assertThat(survivor.state.status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void aReplayOfTheEventsRebuildsTheSameState() {
        Journey j = paidAtDepartment();
        j.take(SideCommands.quote(j.state, Journey.DESK, j.now(), 5000L, null))
                .take(SideCommands.consent(j.state, Journey.DESK, j.now(), null)).onSite().complete();

        RequestState replayed = RequestEvolution.replay(j.events);
        assertThat(replayed.step()).isEqualTo(j.state.step());
        assertThat(replayed.consent()).isTrue();
        assertThat(replayed.quotedFen()).isEqualTo(5000L);
        assertThat(replayed.sequence()).isEqualTo(j.state.sequence());
        assertThat(StageMachine.allowed(replayed)).isEqualTo(StageMachine.allowed(j.state));
    }
}
