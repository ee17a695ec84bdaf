package org.fcr.scoring.messaging;

import org.fcr.events.Actor;
import org.fcr.events.EntryStatus;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SubjectType;
import org.fcr.scoring.domain.LedgerEntry;

/** A ledger entry in the contract's form for {@code fcr.scores}. */
final class ScoreEntries {

    private ScoreEntries() {
    }

    static ScoreEntry toEvent(LedgerEntry entry) {
        return ScoreEntry.newBuilder()
                .setEntryId(entry.id())
                .setRule(entry.rule().name())
                .setRuleVersion(entry.ruleVersion())
                .setPoints(entry.points())
                .setFineYuan(entry.fineYuan())
                .setDepartmentNotice(entry.departmentNotice())
                .setSubjectType(SubjectType.valueOf(entry.subjectType().name()))
                .setSubjectId(entry.subjectId())
                .setSubjectName(entry.subjectName())
                .setDepartment(entry.department())
                .setRequestId(entry.requestId())
                .setReason(entry.reason())
                .setTriggeringEventIds(entry.triggeringEventIds())
                .setOccurredAt(entry.occurredAt())
                .setStatus(EntryStatus.valueOf(entry.status().name()))
                .setManual(entry.manual())
                .setRecordedBy(Actor.newBuilder().setEmployeeId(entry.recordedById())
                        .setName(entry.recordedByName() == null ? entry.recordedById() : entry.recordedByName())
                        .setRole(entry.manual() ? "MANAGER" : "SYSTEM").build())
                .setDrill(entry.drill())
                .build();
    }
}
