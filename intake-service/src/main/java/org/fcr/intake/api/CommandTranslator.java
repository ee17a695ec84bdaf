package org.fcr.intake.api;

import java.time.Instant;
import java.util.function.Function;

import org.fcr.events.Actor;
import org.fcr.events.EscalationLevel;
import org.fcr.events.RegisterType;
import org.fcr.events.Satisfaction;
import org.fcr.intake.domain.Decision;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.domain.SideCommands;
import org.fcr.intake.domain.StageCommand;
import org.fcr.intake.domain.StageCommands;
import org.springframework.stereotype.Component;

/** Reads a command's fields from its body and binds the matching domain command (everything but merge). */
@Component
public class CommandTranslator {

    private final StaffResolver staff;

    public CommandTranslator(StaffResolver staff) {
        this.staff = staff;
    }

    public Function<RequestState, Decision> translate(StageCommand command, CommandBody b, Actor actor, Instant now) {
        return switch (command) {
            case FILL_IN -> s -> StageCommands.fillIn(s, actor, now, b.note());
            case REGISTER -> {
                RegisterType register = b.register() == null ? null
                        : Enums.parse(RegisterType.class, b.register(), "register", null);
                yield s -> StageCommands.register(s, actor, now, register);
            }
            case REQUEST_DISPATCH -> s -> StageCommands.requestDispatch(s, actor, now, b.suggestedDepartment(), b.note());
            case ACKNOWLEDGE -> {
                Actor handler = staff.resolve(b.handler(), "handler");
                yield s -> StageCommands.acknowledge(s, actor, now, handler);
            }
            case RETURN -> s -> StageCommands.returnTicket(s, actor, now, b.reason(), b.suggestedDepartment());
            case FORWARD -> s -> StageCommands.forward(s, actor, now, b.toDepartment(), b.reason());
            case ORGANISE -> s -> StageCommands.organise(s, actor, now, b.note());
            case ON_SITE -> s -> StageCommands.onSite(s, actor, now, b.arrivedAt());
            case COMPLETE -> s -> StageCommands.complete(s, actor, now, b.result(),
                    b.qualityPassed() == null || b.qualityPassed(), b.note(), Boolean.TRUE.equals(b.customerSignaturePresent()));
            case SIGN_OFF -> s -> StageCommands.signOff(s, actor, now, b.signedBy(), b.method());
            case REPORT_BACK -> s -> StageCommands.reportBack(s, actor, now, b.result());
            case NOTIFY_CUSTOMER -> s -> StageCommands.notifyCustomer(s, actor, now, b.method());
            case REVISIT -> {
                Satisfaction satisfaction = Enums.parse(Satisfaction.class, b.satisfaction(), "satisfaction", null);
                yield s -> StageCommands.revisit(s, actor, now, b.solved(), satisfaction, b.comment(),
                        Boolean.TRUE.equals(b.spotCheck()));
            }
            case ESCALATE -> {
                EscalationLevel level = Enums.parse(EscalationLevel.class, b.level(), "level", EscalationLevel.SUPERVISOR);
                yield s -> SideCommands.escalate(s, actor, now, level, b.reason(), b.newReplyBy());
            }
            case CLOSE -> s -> StageCommands.close(s, actor, now, b.reason());
            case QUOTE -> s -> SideCommands.quote(s, actor, now, b.amountFen(), b.note());
            case CONSENT -> s -> SideCommands.consent(s, actor, now, b.note());
            case REFUSE_CONSENT -> s -> SideCommands.refuseConsent(s, actor, now, b.reason());
            case FEE_PAID -> s -> SideCommands.feePaid(s, actor, now, b.amountFen(), b.method());
            case RECEIPT -> s -> SideCommands.receipt(s, actor, now, b.receiptNo());
            case OVERRIDE_FIRST_RESPONDER -> {
                Actor next = staff.resolve(b.firstResponder(), "firstResponder");
                yield s -> SideCommands.overrideFirstResponder(s, actor, now, next, b.reason());
            }
            case MERGE -> throw new IllegalStateException("merge spans two requests: see RequestCommandsController");
        };
    }
}
