package org.fcr.scoring.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.fcr.events.SlaEvent;
import org.fcr.events.Stage;

/** The rules the SLA clock shows: a late stage, a late stage that delayed the next, a late acknowledgement. */
class SlaRules {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final EntryFactory entries;

    SlaRules(EntryFactory entries) {
        this.entries = entries;
    }

    List<LedgerEntry> apply(RequestFacts facts, SlaEvent event) {
        if (facts.firstSeenAt == null) {
            facts.firstSeenAt = event.getStartedAt();
        }
        facts.drill = facts.drill || event.getDrill();
        if (facts.category == null) {
            facts.category = event.getCategory().name();
        }
        String stage = event.getStage().name();
        List<LedgerEntry> raised = new ArrayList<>();
        switch (event.getKind()) {
            case STARTED -> {
                if (!facts.stageOrder.contains(stage)) {
                    facts.stageOrder.add(stage);
                }
            }
            case MET -> facts.met.merge(stage, 1, Integer::sum);
            case BREACHED -> onBreach(facts, event, raised);
            case ESCALATED -> facts.escalations++;
            default -> {
                // reminders, pauses and cancellations raise nothing
            }
        }
        return raised;
    }

    private void onBreach(RequestFacts facts, SlaEvent event, List<LedgerEntry> raised) {
        String stage = event.getStage().name();
        facts.breached.merge(stage, 1, Integer::sum);
        if (!facts.stageOrder.contains(stage)) {
            facts.stageOrder.add(stage);
        }
        Subject subject = responsible(facts, event);
        if (subject == null) {
            return;
        }
        String reason = Names.stage(stage) + "环节超时（期限 " + TIME.format(event.getDeadline()) + "）";
        raised.add(entries.raise(PenaltyRule.STAGE_LATE, subject, facts.id, stage, reason,
                List.of(event.getEventId()), event.getOccurredAt(), facts.drill));
        Violation previous = previousStageBreach(facts, stage);
        if (previous != null) {
            raised.add(entries.raise(PenaltyRule.NEXT_STAGE_DELAYED, previous.subject(), facts.id, previous.stage(),
                    Names.stage(previous.stage()) + "环节超时，延误了下一环节（" + Names.stage(stage) + "）",
                    List.of(previous.eventId(), event.getEventId()), event.getOccurredAt(), facts.drill));
        }
        facts.breaches.put(stage, new Violation(event.getEventId(), stage, subject));
        if (event.getStage() == Stage.ACKNOWLEDGE) {
            String department = event.getDepartment() != null ? event.getDepartment() : facts.department;
            if (department != null) {
                raised.add(entries.raise(PenaltyRule.ACK_LATE, Subject.department(department), facts.id, stage,
                        "部门未在时限内接单（通报部门）", List.of(event.getEventId()), event.getOccurredAt(), facts.drill));
            }
        }
    }

    /** Responsible person, else the department, else the first responder (the walking-skeleton contract). */
    static Subject responsible(RequestFacts facts, SlaEvent event) {
        if (event.getResponsible() != null) {
            return Subject.of(Actors.person(event.getResponsible()));
        }
        if (event.getDepartment() != null) {
            return Subject.department(event.getDepartment());
        }
        if (event.getFirstResponder() != null) {
            return Subject.of(Actors.person(event.getFirstResponder()));
        }
        return facts.firstResponder == null ? null : Subject.of(facts.firstResponder);
    }

    /** The stage that ran just before this one (in the order the clocks started), if it was late too. */
    private static Violation previousStageBreach(RequestFacts facts, String stage) {
        int at = facts.stageOrder.indexOf(stage);
        if (at <= 0) {
            return null;
        }
        Violation previous = facts.breaches.get(facts.stageOrder.get(at - 1));
        return previous;
    }
}
