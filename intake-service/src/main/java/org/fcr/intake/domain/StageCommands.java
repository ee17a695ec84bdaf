package org.fcr.intake.domain;

import static org.fcr.intake.domain.StageMachine.require;

import java.time.Instant;

import org.fcr.events.Acknowledged;
import org.fcr.events.Actor;
import org.fcr.events.Closed;
import org.fcr.events.Completed;
import org.fcr.events.CustomerNotified;
import org.fcr.events.CustomerSignedOff;
import org.fcr.events.DispatchRequested;
import org.fcr.events.FilledIn;
import org.fcr.events.Forwarded;
import org.fcr.events.OnSite;
import org.fcr.events.Organised;
import org.fcr.events.RegisterType;
import org.fcr.events.Registered;
import org.fcr.events.Reopened;
import org.fcr.events.ReportedBack;
import org.fcr.events.RequestEventType;
import org.fcr.events.Returned;
import org.fcr.events.Revisited;
import org.fcr.events.Satisfaction;

/**
 * The stage chain of SPEC §4 after acceptance, one method per step. Each checks the step against
 * {@link StageMachine}, signs the event with the actor and returns the new state with its events.
 */
public final class StageCommands {

    private StageCommands() {
    }

    public static Decision fillIn(RequestState s, Actor actor, Instant now, String note) {
        require(s, StageCommand.FILL_IN);
        return new NewEvents(s, actor, now).emit(RequestEventType.FILLED_IN, new FilledIn(note)).decision();
    }

    public static Decision register(RequestState s, Actor actor, Instant now, RegisterType register) {
        require(s, StageCommand.REGISTER);
        RegisterType chosen = register != null ? register : RequestIntake.registerFor(s.context().getCategory());
        return new NewEvents(s, actor, now).emit(RequestEventType.REGISTERED, new Registered(chosen)).decision();
    }

    public static Decision requestDispatch(RequestState s, Actor actor, Instant now, String suggestedDepartment, String note) {
        require(s, StageCommand.REQUEST_DISPATCH);
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.DISPATCH_REQUESTED, new DispatchRequested(suggestedDepartment, note)).decision();
    }

    /** 接单: the department names a handler at once (the one acknowledging, unless another is named). */
    public static Decision acknowledge(RequestState s, Actor actor, Instant now, Actor handler) {
        require(s, StageCommand.ACKNOWLEDGE);
        mustBelongToDepartment(s, actor);
        Actor chosen = handler != null ? handler : actor;
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.ACKNOWLEDGED, new Acknowledged(chosen), c -> { c.setHandler(chosen); return c; })
                .decision();
    }

    /** 退单: only with a written reason; the ticket goes back to dispatch for re-routing. */
    public static Decision returnTicket(RequestState s, Actor actor, Instant now, String reason, String suggestedDepartment) {
        require(s, StageCommand.RETURN);
        mustBelongToDepartment(s, actor);
        String department = currentDepartment(s);
        Returned returned = new Returned(department, required("reason", reason), blankToNull(suggestedDepartment));
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.RETURNED, returned, c -> { c.setHandler(null); return c; }).decision();
    }

    /** 转派: the department passes the ticket straight on to the right one. */
    public static Decision forward(RequestState s, Actor actor, Instant now, String toDepartment, String reason) {
        require(s, StageCommand.FORWARD);
        mustBelongToDepartment(s, actor);
        String from = currentDepartment(s);
        String to = required("toDepartment", toDepartment);
        if (to.equals(from)) {
            throw CommandRefused.invalid("toDepartment", "a ticket cannot be forwarded to the department that holds it");
        }
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.FORWARDED, new Forwarded(from, to, required("reason", reason)),
                        c -> { c.setHandler(null); return c; })
                .decision();
    }

    public static Decision organise(RequestState s, Actor actor, Instant now, String note) {
        require(s, StageCommand.ORGANISE);
        mustBelongToDepartment(s, actor);
        return new NewEvents(s, actor, now).emit(RequestEventType.ORGANISED, new Organised(note)).decision();
    }

    public static Decision onSite(RequestState s, Actor actor, Instant now, Instant arrivedAt) {
        require(s, StageCommand.ON_SITE);
        mustBelongToDepartment(s, actor);
        Instant at = arrivedAt == null ? now : arrivedAt;
        if (at.isAfter(now.plus(RequestIntake.CLOCK_SKEW))) {
            throw CommandRefused.invalid("arrivedAt", "arrivedAt lies in the future");
        }
        return new NewEvents(s, actor, now).emit(RequestEventType.ON_SITE, new OnSite(at)).decision();
    }

    public static Decision complete(RequestState s, Actor actor, Instant now, String result, boolean qualityPassed,
                                    String note, boolean customerSignaturePresent) {
        require(s, StageCommand.COMPLETE);
        mustBelongToDepartment(s, actor);
        Completed completed = new Completed(required("result", result), qualityPassed, note, customerSignaturePresent);
        return new NewEvents(s, actor, now).emit(RequestEventType.COMPLETED, completed).decision();
    }

    /** 验收签字: the customer accepts the work. */
    public static Decision signOff(RequestState s, Actor actor, Instant now, String signedBy, String method) {
        require(s, StageCommand.SIGN_OFF);
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.CUSTOMER_SIGNED_OFF, new CustomerSignedOff(required("signedBy", signedBy), method))
                .decision();
    }

    /** 反馈 with 双告知: the customer, the desk and the first responder are told at the same time. */
    public static Decision reportBack(RequestState s, Actor actor, Instant now, String result) {
        require(s, StageCommand.REPORT_BACK);
        String told = result != null && !result.isBlank() ? result : s.result();
        return new NewEvents(s, actor, now)
                .emit(RequestEventType.REPORTED_BACK, new ReportedBack(required("result", told), true)).decision();
    }

    public static Decision notifyCustomer(RequestState s, Actor actor, Instant now, String method) {
        require(s, StageCommand.NOTIFY_CUSTOMER);
        return new NewEvents(s, actor, now).emit(RequestEventType.CUSTOMER_NOTIFIED, new CustomerNotified(method)).decision();
    }

    /** 回访: a request the customer says is not solved is reopened for another dispatch. */
    public static Decision revisit(RequestState s, Actor actor, Instant now, Boolean solved, Satisfaction satisfaction,
                                   String comment, boolean spotCheck) {
        require(s, StageCommand.REVISIT);
        if (solved == null) {
            throw CommandRefused.invalid("solved", "say whether the request was solved");
        }
        if (satisfaction == null || satisfaction == Satisfaction.UNKNOWN) {
            throw CommandRefused.invalid("satisfaction", "record the customer's satisfaction");
        }
        NewEvents events = new NewEvents(s, actor, now)
                .emit(RequestEventType.REVISITED, new Revisited(solved, satisfaction, comment, spotCheck));
        if (!solved) {
            events.emit(RequestEventType.REOPENED, new Reopened("回访未解决 / not solved at return visit"
                    + (comment == null || comment.isBlank() ? "" : ": " + comment)),
                    c -> { c.setHandler(null); return c; });
        }
        return events.decision();
    }

    public static Decision close(RequestState s, Actor actor, Instant now, String reason) {
        require(s, StageCommand.CLOSE);
        return new NewEvents(s, actor, now).emit(RequestEventType.CLOSED, new Closed(reason, "SOLVED")).decision();
    }

    /** Department staff act only on their own department's tickets; desk, supervisors and managers on any. */
    static void mustBelongToDepartment(RequestState s, Actor actor) {
        String department = s.context().getDepartment();
        if ("DEPARTMENT".equals(actor.getRole()) && department != null && !department.equals(actor.getDepartment())) {
            throw CommandRefused.forbidden("This ticket is with department " + department + ", not "
                    + actor.getDepartment());
        }
    }

    private static String currentDepartment(RequestState s) {
        String department = s.context().getDepartment();
        return department == null ? "unknown" : department;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw CommandRefused.invalid(field, field + " is required");
        }
        return value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
