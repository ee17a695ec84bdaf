package org.fcr.notification.messaging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fcr.events.Accepted;
import org.fcr.events.Actor;
import org.fcr.events.ArbitrationRequested;
import org.fcr.events.Category;
import org.fcr.events.DispatchDecision;
import org.fcr.events.Dispatched;
import org.fcr.events.EntryStatus;
import org.fcr.events.Escalated;
import org.fcr.events.EscalationLevel;
import org.fcr.events.Quoted;
import org.fcr.events.ReportedBack;
import org.fcr.events.Returned;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SlaEvent;
import org.fcr.events.SubjectType;
import org.fcr.notification.domain.Customer;
import org.fcr.notification.domain.NoticeKind;
import org.fcr.notification.domain.Occurrence;

/**
 * Reads the platform's events as notification occurrences: which kind, which people, which facts.
 * Events that concern nobody yield nothing. The customer's e-mail, which the contract does not
 * carry yet, is read from the request's {@code customerEmail} attribute.
 */
public class EventTranslator {

    public static final String CUSTOMER_EMAIL_ATTRIBUTE = "customerEmail";

    private final int appealDays;

    public EventTranslator(int appealDays) {
        this.appealDays = appealDays;
    }

    public List<Occurrence> fromRequest(RequestEvent e) {
        RequestContext c = e.getContext();
        Map<String, Object> p = new HashMap<>();
        p.put("firstResponderName", name(c.getFirstResponder()));
        p.put("category", c.getCategory().name());
        p.put("departmentName", c.getDepartment());
        List<Occurrence> out = new ArrayList<>();
        switch (e.getType()) {
            case ACCEPTED -> {
                if (e.getPayload() instanceof Accepted a) {
                    p.put("description", a.getDescription());
                    p.put("promisedBy", a.getPromisedBy());
                    p.put("promisedResult", a.getPromisedResult());
                }
                out.add(occurrence(e, NoticeKind.COMMITMENT, p));
                if (c.getMajor()) {
                    out.add(occurrence(e, NoticeKind.MAJOR_COMPLAINT, p));
                }
            }
            case DISPATCHED -> {
                if (e.getPayload() instanceof Dispatched d) {
                    p.put("departmentName", d.getDepartmentName());
                }
                out.add(occurrence(e, NoticeKind.DISPATCHED, p));
            }
            case RETURNED -> {
                if (e.getPayload() instanceof Returned r) {
                    p.put("departmentName", r.getDepartment());
                    p.put("reason", r.getReason());
                }
                out.add(occurrence(e, NoticeKind.TICKET_RETURNED, p));
            }
            case QUOTED -> {
                if (e.getPayload() instanceof Quoted q) {
                    p.put("amountYuan", BigDecimal.valueOf(q.getAmountFen(), 2).toPlainString());
                    p.put("note", q.getNote());
                }
                out.add(occurrence(e, NoticeKind.QUOTE, p));
            }
            case REPORTED_BACK -> {
                if (e.getPayload() instanceof ReportedBack r) {
                    p.put("result", r.getResult());
                }
                out.add(occurrence(e, NoticeKind.RESULT, p));
            }
            case CUSTOMER_NOTIFIED -> out.add(occurrence(e, NoticeKind.RETURN_VISIT, p));
            case ESCALATED -> {
                NoticeKind kind = NoticeKind.ESCALATED;
                if (e.getPayload() instanceof Escalated x) {
                    p.put("reason", x.getReason());
                    p.put("level", x.getLevel().name());
                    p.put("newReplyBy", x.getNewReplyBy());
                    if (x.getConflict() || x.getLevel() == EscalationLevel.OFFICE_MANAGER) {
                        kind = NoticeKind.CONFLICT_ESCALATION;
                    }
                }
                out.add(occurrence(e, kind, p));
            }
            case ARBITRATION_REQUESTED -> {
                if (e.getPayload() instanceof ArbitrationRequested a) {
                    p.put("returnCount", a.getReturnCount());
                    p.put("departments", String.join(", ", a.getDepartments()));
                }
                out.add(occurrence(e, NoticeKind.ARBITRATION, p));
            }
            default -> {
            }
        }
        return out;
    }

    public List<Occurrence> fromSla(SlaEvent e) {
        NoticeKind kind = switch (e.getKind()) {
            case REMINDER -> NoticeKind.REMINDER;
            case BREACHED -> NoticeKind.BREACHED;
            case ESCALATED -> e.getEscalationLevel() == EscalationLevel.OFFICE_MANAGER
                    ? NoticeKind.CONFLICT_ESCALATION : NoticeKind.ESCALATED;
            default -> null;
        };
        if (kind == null) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("stage", e.getStage().name());
        p.put("deadline", e.getDeadline());
        p.put("responsibleName", name(e.getResponsible()));
        p.put("department", e.getDepartment());
        p.put("level", e.getEscalationLevel() == null ? null : e.getEscalationLevel().name());
        p.put("reason", "SLA " + e.getStage().name());
        p.put("newReplyBy", null);
        return List.of(new Occurrence(e.getEventId(), kind, e.getRequestId(), e.getOccurredAt(),
                e.getCategory() == Category.ACCIDENT, e.getDrill(), Customer.none(), id(e.getFirstResponder()),
                id(e.getResponsible()), e.getDepartment(), null, p));
    }

    public List<Occurrence> fromDecision(DispatchDecision d) {
        Map<String, Object> p = new HashMap<>();
        p.put("departmentName", d.getDepartmentName());
        p.put("attempt", d.getAttempt());
        p.put("reason", d.getReason().name());
        return List.of(new Occurrence(d.getDecisionId(), NoticeKind.NEW_TICKET, d.getRequestId(), d.getDecidedAt(),
                false, false, Customer.none(), null, id(d.getHandler()), d.getDepartment(), null, p));
    }

    public List<Occurrence> fromScore(ScoreEntry s) {
        if (s.getStatus() != EntryStatus.ACTIVE) {
            return List.of();
        }
        boolean person = s.getSubjectType() == SubjectType.PERSON;
        Map<String, Object> p = new HashMap<>();
        p.put("rule", s.getRule());
        p.put("points", s.getPoints());
        p.put("fineYuan", s.getFineYuan());
        p.put("reason", s.getReason());
        p.put("entryId", s.getEntryId());
        p.put("appealDays", appealDays);
        return List.of(new Occurrence("score-" + s.getEntryId(), NoticeKind.PENALTY, s.getRequestId(),
                s.getOccurredAt(), false, s.getDrill(), Customer.none(), null, null,
                person ? s.getDepartment() : s.getSubjectId(), person ? s.getSubjectId() : null, p));
    }

    private static Occurrence occurrence(RequestEvent e, NoticeKind kind, Map<String, Object> params) {
        RequestContext c = e.getContext();
        var customer = c.getCustomer();
        Customer who = customer == null ? Customer.none() : new Customer(customer.getName(), customer.getUnit(),
                customer.getPhone(), e.getAttributes().get(CUSTOMER_EMAIL_ATTRIBUTE));
        boolean urgent = c.getCategory() == Category.ACCIDENT || c.getMajor();
        return new Occurrence(e.getEventId(), kind, e.getRequestId(), e.getOccurredAt(), urgent, c.getDrill(), who,
                id(c.getFirstResponder()), id(c.getHandler()), c.getDepartment(), null, params);
    }

    private static String id(Actor actor) {
        return actor == null ? null : actor.getEmployeeId();
    }

    private static String name(Actor actor) {
        return actor == null ? null : actor.getName();
    }
}
