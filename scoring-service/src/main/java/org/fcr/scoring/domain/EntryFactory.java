package org.fcr.scoring.domain;

import java.time.Instant;
import java.util.List;

/** Builds automatic entries from the rules table, so points and fines never appear as literals. */
public final class EntryFactory {

    private final RuleBook book;

    public EntryFactory(RuleBook book) {
        this.book = book;
    }

    public RuleBook book() {
        return book;
    }

    public LedgerEntry raise(PenaltyRule rule, Subject subject, String requestId, String stage, String reason,
                             List<String> triggers, Instant at, boolean drill) {
        return raise(rule, book.setting(rule).points(), subject, requestId, stage, reason, triggers, at, drill);
    }

    public LedgerEntry raise(PenaltyRule rule, int points, Subject subject, String requestId, String stage,
                             String reason, List<String> triggers, Instant at, boolean drill) {
        RuleSetting setting = book.setting(rule);
        return new LedgerEntry(LedgerEntry.idOf(rule, subject, triggers), rule, book.version(), points,
                setting.fineYuan(), setting.departmentNotice(), subject.type(), subject.id(), subject.name(),
                subject.department(), requestId, stage, reason, triggers, at, EntryStatus.ACTIVE, false,
                "system", "系统", drill, List.of());
    }
}
