package org.fcr.intake.domain;

import static org.fcr.intake.domain.StageCommands.required;
import static org.fcr.intake.domain.StageMachine.require;

import java.time.Instant;

import org.fcr.events.Actor;
import org.fcr.events.Closed;
import org.fcr.events.ConsentGiven;
import org.fcr.events.ConsentRefused;
import org.fcr.events.Escalated;
import org.fcr.events.EscalationLevel;
import org.fcr.events.FeePaid;
import org.fcr.events.FirstResponderOverridden;
import org.fcr.events.Merged;
import org.fcr.events.Quoted;
import org.fcr.events.ReceiptIssued;
import org.fcr.events.RequestEventType;

/**
 * Commands beside the main chain: the charging steps of a paid service, escalation, the manager's
 * override of the first responder, and merging a duplicate request.
 */
public final class SideCommands {

    private SideCommands() {
    }

    public static Decision quote(RequestState s, Actor actor, Instant now, Long amountFen, String note) {
        require(s, StageCommand.QUOTE);
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.QUOTED, new Quoted(positive("amountFen", amountFen), note)).decision();
    }

    public static Decision consent(RequestState s, Actor actor, Instant now, String note) {
        require(s, StageCommand.CONSENT);
        return new NewEvents(s, actor, now).emit(RequestEventType.CONSENT_GIVEN, new ConsentGiven(note)).decision();
    }

    /** A customer who refuses the price ends the request: it closes with outcome CONSENT_REFUSED. */
    public static Decision refuseConsent(RequestState s, Actor actor, Instant now, String reason) {
        require(s, StageCommand.REFUSE_CONSENT);
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.CONSENT_REFUSED, new ConsentRefused(reason))
                .emit(RequestEventType.CLOSED, new Closed(reason, "CONSENT_REFUSED"))
                .decision();
    }

    public static Decision feePaid(RequestState s, Actor actor, Instant now, Long amountFen, String method) {
        require(s, StageCommand.FEE_PAID);
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.FEE_PAID, new FeePaid(positive("amountFen", amountFen), method)).decision();
    }

    public static Decision receipt(RequestState s, Actor actor, Instant now, String receiptNo) {
        require(s, StageCommand.RECEIPT);
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.RECEIPT_ISSUED, new ReceiptIssued(required("receiptNo", receiptNo))).decision();
    }

    /** To the supervisor, or to the office manager, which counts as conflict escalation (矛盾升级). */
    public static Decision escalate(RequestState s, Actor actor, Instant now, EscalationLevel level, String reason,
                                    Instant newReplyBy) {
        require(s, StageCommand.ESCALATE);
        if (level == null || level == EscalationLevel.UNKNOWN) {
            throw CommandRefused.invalid("level", "level is SUPERVISOR or OFFICE_MANAGER");
        }
        Escalated escalated = new Escalated(level, required("reason", reason), newReplyBy,
                level == EscalationLevel.OFFICE_MANAGER);
        return new NewEvents(s, actor, now).emit(RequestEventType.ESCALATED, escalated).decision();
    }

    /** The first responder never changes, except by a manager, with a reason kept in the timeline. */
    public static Decision overrideFirstResponder(RequestState s, Actor manager, Instant now, Actor next, String reason) {
        require(s, StageCommand.OVERRIDE_FIRST_RESPONDER);
        if (!"MANAGER".equals(manager.getRole()) && !"ADMIN".equals(manager.getRole())) {
            throw CommandRefused.forbidden("Only a manager may change the first responder");
        }
        if (next == null) {
            throw CommandRefused.invalid("firstResponder", "name the new first responder");
        }
        Actor previous = s.context().getFirstResponder();
        if (previous.getEmployeeId().equals(next.getEmployeeId())) {
            throw CommandRefused.invalid("firstResponder", next.getEmployeeId() + " already is the first responder");
        }
        FirstResponderOverridden overridden = new FirstResponderOverridden(previous, next, required("reason", reason));
        return new NewEvents(s, manager, now)
                .emit(RequestEventType.FIRST_RESPONDER_OVERRIDDEN, overridden, c -> { c.setFirstResponder(next); return c; })
                .decision();
    }

    /** The duplicate's side of a merge: it records the survivor and closes as MERGED. */
    public static Decision mergeInto(RequestState duplicate, Actor actor, Instant now, String survivorId, String reason) {
        require(duplicate, StageCommand.MERGE);
        if (duplicate.id().equals(survivorId)) {
            throw CommandRefused.invalid("into", "a request cannot be merged into itself");
        }
        return new NewEvents(duplicate, actor, now)
                .emit(RequestEventType.MERGED, new Merged(survivorId, duplicate.id()))
                .emit(RequestEventType.CLOSED, new Closed(reason, "MERGED"))
                .decision();
    }

    /** The survivor's side: records the merged duplicate once, however often the merge is retried. */
    public static Decision recordMergedIn(RequestState survivor, Actor actor, Instant now, String duplicateId) {
        if (survivor.mergedFrom().contains(duplicateId)) {
            return new Decision(survivor, java.util.List.of());
        }
        if (survivor.status() == RequestStatus.MERGED) {
            throw CommandRefused.invalid("into", "request " + survivor.id() + " was itself merged into "
                    + survivor.mergedInto());
        }
        return new NewEvents(survivor, actor, now)
                .emit(RequestEventType.MERGED, new Merged(survivor.id(), duplicateId)).decision();
    }

    private static long positive(String field, Long amount) {
        if (amount == null || amount <= 0) {
            throw CommandRefused.invalid(field, field + " must be a positive amount in fen");
        }
        return amount;
    }
}
