package org.fcr.scoring.api;

import java.time.Instant;
import java.util.List;

import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.StatusChange;

/** A ledger entry as the API shows it (the walking-skeleton contract names: entryId, rule, points, fineYuan, subjectId …). */
public record EntryView(String entryId, String rule, int ruleVersion, int points, int fineYuan, boolean departmentNotice,
                        String subjectType, String subjectId, String subjectName, String department, String requestId,
                        String stage, String reason, List<String> triggeringEventIds, Instant occurredAt, String status,
                        boolean manual, String recordedBy, boolean drill, List<StatusChange> history) {

    public static EntryView of(LedgerEntry e) {
        return new EntryView(e.id(), e.rule().name(), e.ruleVersion(), e.points(), e.fineYuan(), e.departmentNotice(),
                e.subjectType().name(), e.subjectId(), e.subjectName(), e.department(), e.requestId(), e.stage(),
                e.reason(), e.triggeringEventIds(), e.occurredAt(), e.status().name(), e.manual(),
                e.recordedByName(), e.drill(), e.history());
    }
}
