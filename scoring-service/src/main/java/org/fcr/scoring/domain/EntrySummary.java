package org.fcr.scoring.domain;

import java.time.Instant;

/** An entry as a period's aggregate keeps it: enough to total points and fines and to list the ledger. */
public record EntrySummary(String entryId, PenaltyRule rule, int points, int fineYuan, EntryStatus status,
                           Instant occurredAt, SubjectType subjectType, String subjectId) {

    public static EntrySummary of(LedgerEntry entry) {
        return new EntrySummary(entry.id(), entry.rule(), entry.points(), entry.fineYuan(), entry.status(),
                entry.occurredAt(), entry.subjectType(), entry.subjectId());
    }
}
