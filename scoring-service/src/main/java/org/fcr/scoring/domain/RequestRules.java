package org.fcr.scoring.domain;

import java.util.ArrayList;
import java.util.List;

import org.fcr.events.Accepted;
import org.fcr.events.Completed;
import org.fcr.events.DispatchReason;
import org.fcr.events.Dispatched;
import org.fcr.events.Forwarded;
import org.fcr.events.HarmRecorded;
import org.fcr.events.ReportedBack;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.Returned;
import org.fcr.events.Revisited;
import org.fcr.events.Scope;

/** The rules a request's own timeline shows: sign-offs, harm, in-scope transfers, arbitration findings. */
class RequestRules {

    private final EntryFactory entries;

    RequestRules(EntryFactory entries) {
        this.entries = entries;
    }

    List<LedgerEntry> apply(RequestFacts facts, RequestEvent event) {
        absorbContext(facts, event);
        List<LedgerEntry> raised = new ArrayList<>();
        Object payload = event.getPayload();
        switch (event.getType()) {
            case ACCEPTED -> {
                if (payload instanceof Accepted accepted) {
                    facts.receivedAt = accepted.getReceivedAt();
                }
            }
            case DISPATCHED -> {
                facts.dispatched = true;
                if (payload instanceof Dispatched dispatched) {
                    onDispatched(facts, event, dispatched, raised);
                }
            }
            case ACKNOWLEDGED -> facts.acknowledged = true;
            case RETURNED -> {
                facts.returns++;
                if (payload instanceof Returned returned) {
                    inScopeTransfer(facts, event, returned.getDepartment(), "退单", raised);
                }
            }
            case FORWARDED -> {
                if (payload instanceof Forwarded forwarded) {
                    inScopeTransfer(facts, event, forwarded.getFromDepartment(), "转派", raised);
                }
            }
            case COMPLETED -> {
                facts.completed = true;
                if (payload instanceof Completed completed && !completed.getCustomerSignaturePresent()) {
                    missingSignoff(facts, event, "COMPLETE", "完成时无客户验收签字", raised);
                }
            }
            case REPORTED_BACK -> {
                if (payload instanceof ReportedBack back && !back.getDeskAndFirstResponderNotified()) {
                    missingSignoff(facts, event, "REPORT_BACK", "反馈时未同时告知前台和首问责任人（双告知）", raised);
                }
            }
            case HARM_RECORDED -> {
                if (payload instanceof HarmRecorded harm) {
                    onHarm(facts, event, harm, raised);
                }
            }
            case REVISITED -> {
                if (payload instanceof Revisited visit) {
                    facts.solved = visit.getSolved();
                    facts.satisfaction = visit.getSatisfaction().name();
                }
            }
            case ESCALATED -> facts.escalations++;
            case CLOSED -> facts.closed = true;
            default -> {
                // other steps change no figure scoring keeps
            }
        }
        return raised;
    }

    private void absorbContext(RequestFacts facts, RequestEvent event) {
        RequestContext context = event.getContext();
        if (facts.firstSeenAt == null) {
            facts.firstSeenAt = event.getOccurredAt();
        }
        if (context == null) {
            return;
        }
        facts.drill = context.getDrill();
        facts.category = context.getCategory().name();
        facts.scope = context.getScope().name();
        facts.building = context.getBuilding();
        facts.customerKey = Actors.customerKey(context.getCustomer());
        facts.firstResponder = Actors.person(context.getFirstResponder());
        if (context.getDepartment() != null) {
            facts.department = context.getDepartment();
        }
        if (context.getHandler() != null) {
            facts.handler = Actors.person(context.getHandler());
        }
    }

    private void onDispatched(RequestFacts facts, RequestEvent event, Dispatched dispatched, List<LedgerEntry> raised) {
        facts.department = dispatched.getDepartment();
        if (dispatched.getHandler() != null) {
            facts.handler = Actors.person(dispatched.getHandler());
        }
        if (dispatched.getRuleId() != null && dispatched.getReason() != DispatchReason.ARBITRATED
                && dispatched.getReason() != DispatchReason.MANUAL) {
            facts.routedByRule.add(dispatched.getDepartment());
        }
        if (dispatched.getReason() == DispatchReason.ARBITRATED) {
            for (String wrong : dispatched.getWrongDepartments()) {
                raised.add(entries.raise(PenaltyRule.ARBITRATION_FINDING, Subject.department(wrong), facts.id,
                        "DISPATCH", "仲裁认定部门 " + wrong + " 转派或退单不当（改派至 " + dispatched.getDepartment() + "）",
                        List.of(event.getEventId()), event.getOccurredAt(), facts.drill));
            }
        }
    }

    /** Only a department that was sent the request by its own routing rule pushes its own work away. */
    private void inScopeTransfer(RequestFacts facts, RequestEvent event, String department, String how,
                                 List<LedgerEntry> raised) {
        if (department == null || !Scope.IN_SCOPE.name().equals(facts.scope) || !facts.routedByRule.contains(department)) {
            return;
        }
        raised.add(entries.raise(PenaltyRule.IN_SCOPE_TRANSFER, Subject.department(department), facts.id, "ACKNOWLEDGE",
                "本部门职责范围内的请求被" + how + "至其他部门", List.of(event.getEventId()), event.getOccurredAt(),
                facts.drill));
    }

    private void missingSignoff(RequestFacts facts, RequestEvent event, String stage, String reason,
                                List<LedgerEntry> raised) {
        Person who = facts.handler != null ? facts.handler : Actors.person(event.getActor());
        Subject subject = who != null ? Subject.of(who)
                : facts.department != null ? Subject.department(facts.department) : null;
        if (subject == null) {
            return;
        }
        facts.signoffViolations.add(new Violation(event.getEventId(), stage, subject));
        raised.add(entries.raise(PenaltyRule.MISSING_SIGNOFF, subject, facts.id, stage, reason,
                List.of(event.getEventId()), event.getOccurredAt(), facts.drill));
    }

    /** Harm recorded by a manager raises each sign-off violation it names (or all of the request) to −20. */
    private void onHarm(RequestFacts facts, RequestEvent event, HarmRecorded harm, List<LedgerEntry> raised) {
        for (Violation violation : facts.signoffViolations) {
            if (harm.getViolationEventId() == null || harm.getViolationEventId().equals(violation.eventId())) {
                raised.add(entries.raise(PenaltyRule.SIGNOFF_HARM, violation.subject(), facts.id, violation.stage(),
                        "缺少签字造成损害：" + harm.getReason(), List.of(violation.eventId(), event.getEventId()),
                        event.getOccurredAt(), facts.drill));
            }
        }
    }
}
