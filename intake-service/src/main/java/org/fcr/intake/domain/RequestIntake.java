package org.fcr.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fcr.events.Accepted;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.DispatchRequested;
import org.fcr.events.RegisterType;
import org.fcr.events.Registered;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEventType;
import org.fcr.events.Scope;

/**
 * 受理: turns a recorded call or visit into a request's first events. At the desk the request is
 * also registered and sent to dispatch in the same write (ACCEPTED, REGISTERED, DISPATCH_REQUESTED);
 * a first responder away from the desk accepts only, and fills the form in afterwards.
 */
public final class RequestIntake {

    /** Clocks of phones and desks differ a little; more than this in the future is a typing error. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private RequestIntake() {
    }

    public static Decision accept(String requestId, NewRequest r, Actor signer, Instant now) {
        return accept(requestId, r, signer, now, TrialSettings.ALL_LIVE);
    }

    /** As above, marking the request a drill when the trial settings say so (issue 8, {@link DrillRule}). */
    public static Decision accept(String requestId, NewRequest r, Actor signer, Instant now, TrialSettings trial) {
        Instant receivedAt = r.receivedAt() == null ? now : r.receivedAt();
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw CommandRefused.invalid("receivedAt", "receivedAt lies in the future");
        }
        if (r.promisedBy() != null && r.promisedBy().isBefore(receivedAt)) {
            throw CommandRefused.invalid("promisedBy", "promisedBy is before the request was received");
        }
        if (r.paid() && r.scope() != Scope.OUT_OF_SCOPE) {
            throw CommandRefused.invalid("paid", "only an out-of-scope service is paid (scope OUT_OF_SCOPE)");
        }
        List<Actor> asked = r.askedTogether() == null ? List.of() : r.askedTogether();
        Actor firstResponder = FirstResponderRule.choose(asked, r.firstResponder(), signer);
        RequestContext context = RequestContext.newBuilder()
                .setCategory(r.category())
                .setSubcategory(r.subcategory())
                .setSize(r.size())
                .setScope(r.scope())
                .setMajor(r.major())
                .setChannel(r.channel())
                .setFirstResponder(firstResponder)
                .setCustomer(r.customer())
                .setBuilding(r.building())
                .setPaid(r.paid())
                .setDrill(DrillRule.isDrill(r.drill(), receivedAt, firstResponder, trial))
                .build();
        Accepted accepted = Accepted.newBuilder()
                .setReceivedAt(receivedAt)
                .setDescription(r.description())
                .setPromisedBy(r.promisedBy())
                .setPromisedResult(r.promisedResult())
                .setCustomerConfirmation(r.customerConfirmation())
                .setAskedTogether(asked)
                .build();
        RequestState blank = new RequestState();
        blank.id(requestId);
        blank.context(context);
        NewEvents events = new NewEvents(blank, signer, now).emit(RequestEventType.ACCEPTED, accepted);
        if (r.dispatch()) {
            events.emit(RequestEventType.REGISTERED, new Registered(registerFor(r.category())))
                    .emit(RequestEventType.DISPATCH_REQUESTED, DispatchRequested.newBuilder()
                            .setSuggestedDepartment(r.suggestedDepartment()).build());
        }
        return events.decision();
    }

    /** SPEC §7: each category is kept in its register. */
    public static RegisterType registerFor(Category category) {
        return switch (category) {
            case FAULT_REPAIR, ACCIDENT -> RegisterType.REPAIR;
            case SERVICE, COMPLAINT -> RegisterType.SERVICE;
            case INFO_RELAY -> RegisterType.INFO_RELAY;
            case ANOMALY_REPORT -> RegisterType.ANOMALY;
            case OTHER -> RegisterType.OTHER;
        };
    }
}
