package org.fcr.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fcr.events.RegisterType;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEventType;
import org.fcr.events.Satisfaction;

/**
 * A request as its timeline has made it: folded from its events by {@link RequestEvolution},
 * never changed any other way. Setters are package-private for that reason.
 */
public final class RequestState {

    private String id;
    private RequestStatus status = RequestStatus.OPEN;
    private Step step = Step.ACCEPTED;
    private long sequence;
    private RequestEventType lastType;
    private RequestContext context;
    private Instant receivedAt;
    private Instant acceptedAt;
    private Instant updatedAt;
    private Instant promisedBy;
    private String promisedResult;
    private String description;
    private RegisterType register;
    private Long quotedFen;
    private Boolean consent;
    private Long feePaidFen;
    private String receiptNo;
    private Instant onSiteAt;
    private Instant completedAt;
    private String result;
    private Boolean solved;
    private Satisfaction satisfaction;
    private String closedOutcome;
    private String mergedInto;
    private int escalations;
    private List<String> returnedBy = new ArrayList<>();
    private List<String> mergedFrom = new ArrayList<>();
    private Set<String> appliedDecisions = new LinkedHashSet<>();

    RequestState() {
    }

    RequestState copy() {
        RequestState c = new RequestState();
        c.id = id; c.status = status; c.step = step; c.sequence = sequence; c.lastType = lastType;
        c.context = context; c.receivedAt = receivedAt; c.acceptedAt = acceptedAt; c.updatedAt = updatedAt;
        c.promisedBy = promisedBy; c.promisedResult = promisedResult; c.description = description;
        c.register = register; c.quotedFen = quotedFen; c.consent = consent; c.feePaidFen = feePaidFen;
        c.receiptNo = receiptNo; c.onSiteAt = onSiteAt; c.completedAt = completedAt; c.result = result;
        c.solved = solved; c.satisfaction = satisfaction; c.closedOutcome = closedOutcome;
        c.mergedInto = mergedInto; c.escalations = escalations;
        c.returnedBy = new ArrayList<>(returnedBy);
        c.mergedFrom = new ArrayList<>(mergedFrom);
        c.appliedDecisions = new LinkedHashSet<>(appliedDecisions);
        return c;
    }

    public boolean open() { return status == RequestStatus.OPEN; }
    /** A paid out-of-scope service: the charging steps apply and on site waits for consent. */
    public boolean paidService() { return context != null && context.getPaid(); }

    public String id() { return id; }
    public RequestStatus status() { return status; }
    public Step step() { return step; }
    public long sequence() { return sequence; }
    public RequestEventType lastType() { return lastType; }
    public RequestContext context() { return context; }
    public Instant receivedAt() { return receivedAt; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant promisedBy() { return promisedBy; }
    public String promisedResult() { return promisedResult; }
    public String description() { return description; }
    public RegisterType register() { return register; }
    public Long quotedFen() { return quotedFen; }
    public Boolean consent() { return consent; }
    public Long feePaidFen() { return feePaidFen; }
    public String receiptNo() { return receiptNo; }
    public Instant onSiteAt() { return onSiteAt; }
    public Instant completedAt() { return completedAt; }
    public String result() { return result; }
    public Boolean solved() { return solved; }
    public Satisfaction satisfaction() { return satisfaction; }
    public String closedOutcome() { return closedOutcome; }
    public String mergedInto() { return mergedInto; }
    public int escalations() { return escalations; }
    public List<String> returnedBy() { return List.copyOf(returnedBy); }
    public List<String> mergedFrom() { return List.copyOf(mergedFrom); }
    public Set<String> appliedDecisions() { return Set.copyOf(appliedDecisions); }

    void id(String v) { id = v; }
    void status(RequestStatus v) { status = v; }
    void step(Step v) { step = v; }
    void sequence(long v) { sequence = v; }
    void lastType(RequestEventType v) { lastType = v; }
    void context(RequestContext v) { context = v; }
    void receivedAt(Instant v) { receivedAt = v; }
    void acceptedAt(Instant v) { acceptedAt = v; }
    void updatedAt(Instant v) { updatedAt = v; }
    void promisedBy(Instant v) { promisedBy = v; }
    void promisedResult(String v) { promisedResult = v; }
    void description(String v) { description = v; }
    void register(RegisterType v) { register = v; }
    void quotedFen(Long v) { quotedFen = v; }
    void consent(Boolean v) { consent = v; }
    void feePaidFen(Long v) { feePaidFen = v; }
    void receiptNo(String v) { receiptNo = v; }
    void onSiteAt(Instant v) { onSiteAt = v; }
    void completedAt(Instant v) { completedAt = v; }
    void result(String v) { result = v; }
    void solved(Boolean v) { solved = v; }
    void satisfaction(Satisfaction v) { satisfaction = v; }
    void closedOutcome(String v) { closedOutcome = v; }
    void mergedInto(String v) { mergedInto = v; }
    void escalated() { escalations++; }
    void returnedBy(String department) { if (!returnedBy.contains(department)) returnedBy.add(department); }
    void mergedFrom(String requestId) { if (!mergedFrom.contains(requestId)) mergedFrom.add(requestId); }
    void decisionApplied(String decisionId) { appliedDecisions.add(decisionId); }
}
