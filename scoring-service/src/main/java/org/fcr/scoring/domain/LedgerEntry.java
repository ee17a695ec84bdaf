package org.fcr.scoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the penalty ledger, explaining itself: the rule and its version, the events that
 * triggered it, points, fine, person or department, request and a reason in words. The id is
 * deterministic (rule + subject + triggering event ids), so a replay yields the same line.
 */
public record LedgerEntry(String id, PenaltyRule rule, int ruleVersion, int points, int fineYuan,
                          boolean departmentNotice, SubjectType subjectType, String subjectId, String subjectName,
                          String department, String requestId, String stage, String reason,
                          List<String> triggeringEventIds, Instant occurredAt, EntryStatus status, boolean manual,
                          String recordedById, String recordedByName, boolean drill, List<StatusChange> history) {

    public LedgerEntry {
        triggeringEventIds = List.copyOf(triggeringEventIds);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A deterministic id: rule + subject + triggering events; no dots (they are Mongo map keys). */
    public static String idOf(PenaltyRule rule, Subject subject, List<String> triggers) {
        String raw = rule.name() + ":" + subject.type().name().charAt(0) + ":" + subject.id() + ":" + String.join("+", triggers);
        return raw.replace('.', '_').replace('$', '_');
    }

    public boolean counts() {
        return status.counts();
    }

    /** The same entry moved to a new status, with the step kept in its history. */
    public LedgerEntry withStatus(StatusChange change) {
        List<StatusChange> steps = new ArrayList<>(history);
        steps.add(change);
        return new LedgerEntry(id, rule, ruleVersion, points, fineYuan, departmentNotice, subjectType, subjectId,
                subjectName, department, requestId, stage, reason, triggeringEventIds, occurredAt, change.status(), manual,
                recordedById, recordedByName, drill, steps);
    }
}
