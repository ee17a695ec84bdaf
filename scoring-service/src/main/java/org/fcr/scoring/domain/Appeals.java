package org.fcr.scoring.domain;

import java.time.Instant;

/**
 * The appeal (申诉) workflow: the person an entry is about (or a member of the department it is
 * about) appeals an active entry; a manager then upholds it or cancels it. A cancelled entry stays
 * on the ledger, visibly cancelled, and stops counting.
 */
public final class Appeals {

    public enum Decision { UPHOLD, CANCEL }

    private Appeals() {
    }

    public static LedgerEntry appeal(LedgerEntry entry, Person appellant, String reason, Instant at) {
        requireReason(reason);
        if (entry.status() != EntryStatus.ACTIVE) {
            throw new IllegalStateException("only an active entry can be appealed; this one is " + entry.status());
        }
        boolean own = entry.subjectType() == SubjectType.PERSON ? entry.subjectId().equals(appellant.id())
                : entry.subjectId().equals(appellant.department());
        if (!own) {
            throw new SecurityException("only the person or department the entry is about may appeal it");
        }
        return entry.withStatus(new StatusChange(EntryStatus.APPEALED, appellant.id(), appellant.name(), reason.trim(), at));
    }

    public static LedgerEntry decide(LedgerEntry entry, Decision decision, Person manager, String reason, Instant at) {
        requireReason(reason);
        if (entry.status() != EntryStatus.APPEALED) {
            throw new IllegalStateException("only an appealed entry can be decided; this one is " + entry.status());
        }
        EntryStatus next = decision == Decision.UPHOLD ? EntryStatus.UPHELD : EntryStatus.CANCELLED;
        return entry.withStatus(new StatusChange(next, manager.id(), manager.name(), reason.trim(), at));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }
}
