package org.fcr.intake.domain;

import static org.fcr.intake.domain.StageCommand.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The stage chain of SPEC §4 as one table: which commands a request accepts in each step. Every
 * command checks itself against it, so an out-of-order command is refused naming what is expected.
 */
public final class StageMachine {

    private StageMachine() {
    }

    /** Commands that move the request along the chain from this step (ignoring the paid gate). */
    static Set<StageCommand> byStep(Step step) {
        return switch (step) {
            case ACCEPTED -> EnumSet.of(FILL_IN, REGISTER);
            case FILLED_IN -> EnumSet.of(REGISTER);
            case REGISTERED -> EnumSet.of(REQUEST_DISPATCH);
            // waiting for dispatch-service's decision: nothing for people to do but chase
            case AWAITING_DISPATCH -> EnumSet.noneOf(StageCommand.class);
            case DISPATCHED -> EnumSet.of(ACKNOWLEDGE, RETURN, FORWARD);
            case ACKNOWLEDGED -> EnumSet.of(ORGANISE, ON_SITE);
            case ORGANISED -> EnumSet.of(ON_SITE);
            case ON_SITE -> EnumSet.of(COMPLETE);
            case COMPLETED -> EnumSet.of(SIGN_OFF, REPORT_BACK);
            case SIGNED_OFF -> EnumSet.of(REPORT_BACK);
            case REPORTED_BACK -> EnumSet.of(NOTIFY_CUSTOMER, REVISIT);
            case CUSTOMER_NOTIFIED -> EnumSet.of(REVISIT);
            case REVISITED -> EnumSet.of(CLOSE, REVISIT);
            case CLOSED -> EnumSet.noneOf(StageCommand.class);
        };
    }

    /** Everything the request accepts now, in a stable order (for the 409 problem and the console's buttons). */
    public static List<StageCommand> allowed(RequestState s) {
        List<StageCommand> allowed = new ArrayList<>();
        if (!s.open()) {
            return allowed;
        }
        Set<StageCommand> chain = byStep(s.step());
        for (StageCommand c : StageCommand.values()) {
            boolean ok = switch (c) {
                case ESCALATE, OVERRIDE_FIRST_RESPONDER, MERGE -> true;
                case ON_SITE -> chain.contains(c) && paidGateOpen(s);
                case CLOSE -> chain.contains(c) && Boolean.TRUE.equals(s.solved())
                        && (!s.paidService() || s.receiptNo() != null);
                case QUOTE -> s.paidService() && s.consent() == null && s.onSiteAt() == null;
                case CONSENT, REFUSE_CONSENT -> s.paidService() && s.quotedFen() != null && s.consent() == null;
                case FEE_PAID -> s.paidService() && Boolean.TRUE.equals(s.consent()) && s.feePaidFen() == null;
                case RECEIPT -> s.paidService() && s.feePaidFen() != null && s.receiptNo() == null;
                default -> chain.contains(c);
            };
            if (ok) {
                allowed.add(c);
            }
        }
        return allowed;
    }

    /** A paid service goes on site only after the customer consented to the price (SPEC §3). */
    static boolean paidGateOpen(RequestState s) {
        return !s.paidService() || Boolean.TRUE.equals(s.consent());
    }

    /** Refuses the command with a {@link StageConflict} unless the request accepts it now. */
    public static void require(RequestState s, StageCommand command) {
        List<StageCommand> allowed = allowed(s);
        if (allowed.contains(command)) {
            return;
        }
        List<StageCommand> expected = allowed.stream()
                .filter(c -> c != ESCALATE && c != OVERRIDE_FIRST_RESPONDER && c != MERGE).toList();
        String detail;
        if (!s.open()) {
            detail = "Request " + s.id() + " is " + s.status() + ": no further commands";
        } else if (command == ON_SITE && byStep(s.step()).contains(ON_SITE)) {
            detail = "A paid service cannot go on site before the customer consented to the price; expected: "
                    + names(expected);
        } else if (command == CLOSE && byStep(s.step()).contains(CLOSE)) {
            detail = s.paidService() && s.receiptNo() == null && Boolean.TRUE.equals(s.solved())
                    ? "A paid service closes only after the fee is paid and the receipt issued; expected: " + names(expected)
                    : "The return visit did not find the request solved; expected: " + names(expected);
        } else {
            detail = "Cannot " + command.path() + " at stage " + s.step() + "; expected: " + names(expected);
        }
        throw new StageConflict(command, s.step(), expected, detail);
    }

    private static String names(List<StageCommand> commands) {
        return commands.isEmpty() ? "(waiting for dispatch or nothing)"
                : String.join(", ", commands.stream().map(StageCommand::path).toList());
    }
}
