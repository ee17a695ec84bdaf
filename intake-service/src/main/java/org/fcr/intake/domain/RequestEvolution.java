package org.fcr.intake.domain;

import java.util.List;

import org.fcr.events.Accepted;
import org.fcr.events.Closed;
import org.fcr.events.Completed;
import org.fcr.events.Dispatched;
import org.fcr.events.FeePaid;
import org.fcr.events.Merged;
import org.fcr.events.OnSite;
import org.fcr.events.Quoted;
import org.fcr.events.ReceiptIssued;
import org.fcr.events.Registered;
import org.fcr.events.RequestEvent;
import org.fcr.events.Returned;
import org.fcr.events.Revisited;

/**
 * Folds a request's events into its state. The same fold serves a command (on the events it just
 * decided) and a repair (on the events read back from fcr.requests), so the two can never differ.
 */
public final class RequestEvolution {

    /** Attribute on a DISPATCHED event naming the dispatch decision it records (idempotency). */
    public static final String DECISION_ID = "decisionId";

    private RequestEvolution() {
    }

    public static RequestState replay(List<RequestEvent> events) {
        RequestState state = null;
        for (RequestEvent event : events) {
            state = apply(state, event);
        }
        return state;
    }

    public static RequestState apply(RequestState before, RequestEvent event) {
        RequestState s = before == null ? new RequestState() : before.copy();
        s.id(event.getRequestId());
        s.sequence(event.getSequence());
        s.lastType(event.getType());
        s.context(event.getContext());
        s.updatedAt(event.getOccurredAt());
        Object p = event.getPayload();
        switch (event.getType()) {
            case ACCEPTED -> {
                Accepted a = (Accepted) p;
                s.acceptedAt(event.getOccurredAt());
                s.receivedAt(a.getReceivedAt());
                s.description(a.getDescription());
                s.promisedBy(a.getPromisedBy());
                s.promisedResult(a.getPromisedResult());
                s.step(Step.ACCEPTED);
            }
            case FILLED_IN -> s.step(Step.FILLED_IN);
            case REGISTERED -> {
                s.register(((Registered) p).getRegister());
                s.step(Step.REGISTERED);
            }
            case DISPATCH_REQUESTED -> s.step(Step.AWAITING_DISPATCH);
            case DISPATCHED -> {
                String decisionId = event.getAttributes().get(DECISION_ID);
                if (decisionId != null) {
                    s.decisionApplied(decisionId);
                }
                if (p instanceof Dispatched) {
                    s.step(Step.DISPATCHED);
                }
            }
            case ACKNOWLEDGED -> s.step(Step.ACKNOWLEDGED);
            case RETURNED -> {
                s.returnedBy(((Returned) p).getDepartment());
                s.step(Step.AWAITING_DISPATCH);
            }
            case FORWARDED -> s.step(Step.AWAITING_DISPATCH);
            case ORGANISED -> s.step(Step.ORGANISED);
            case ON_SITE -> {
                s.onSiteAt(((OnSite) p).getArrivedAt());
                s.step(Step.ON_SITE);
            }
            case COMPLETED -> {
                s.completedAt(event.getOccurredAt());
                s.result(((Completed) p).getResult());
                s.step(Step.COMPLETED);
            }
            case CUSTOMER_SIGNED_OFF -> s.step(Step.SIGNED_OFF);
            case REPORTED_BACK -> s.step(Step.REPORTED_BACK);
            case CUSTOMER_NOTIFIED -> s.step(Step.CUSTOMER_NOTIFIED);
            case REVISITED -> {
                Revisited r = (Revisited) p;
                s.solved(r.getSolved());
                s.satisfaction(r.getSatisfaction());
                s.step(Step.REVISITED);
            }
            case REOPENED -> {
                s.solved(null);
                s.step(Step.REGISTERED);
            }
            case ESCALATED -> s.escalated();
            case QUOTED -> s.quotedFen(((Quoted) p).getAmountFen());
            case CONSENT_GIVEN -> s.consent(true);
            case CONSENT_REFUSED -> s.consent(false);
            case FEE_PAID -> s.feePaidFen(((FeePaid) p).getAmountFen());
            case RECEIPT_ISSUED -> s.receiptNo(((ReceiptIssued) p).getReceiptNo());
            case MERGED -> {
                Merged m = (Merged) p;
                if (m.getMergedRequestId().equals(event.getRequestId())) {
                    s.mergedInto(m.getSurvivingRequestId());
                } else {
                    s.mergedFrom(m.getMergedRequestId());
                }
            }
            case CLOSED -> {
                String outcome = ((Closed) p).getOutcome();
                s.closedOutcome(outcome);
                s.status("MERGED".equals(outcome) ? RequestStatus.MERGED : RequestStatus.CLOSED);
                s.step(Step.CLOSED);
            }
            default -> {
                // FIRST_RESPONDER_OVERRIDDEN, ARBITRATION_REQUESTED, HARM_RECORDED change only the context
            }
        }
        return s;
    }
}
