package org.fcr.scoring.domain;

import java.time.Instant;
import java.util.List;

/**
 * Entries a manager records by hand (SPEC §6: loss borne, media exposure 50–200, harm): always with
 * a reason, within the fine range of the rules table, signed by the manager.
 */
public class ManualEntries {

    /** What the manager asked for; points and fine default to the rules table. */
    public record Order(PenaltyRule rule, Subject subject, String requestId, Integer points, Integer fineYuan,
                        String reason, String idempotencyKey, boolean drill) {
    }

    private final RuleBook book;

    public ManualEntries(RuleBook book) {
        this.book = book;
    }

    /** The entry, or an IllegalArgumentException naming what is wrong. */
    public LedgerEntry record(Order order, Person manager, Instant at) {
        if (!order.rule().manual()) {
            throw new IllegalArgumentException(order.rule() + " is raised automatically, not by hand");
        }
        if (order.reason() == null || order.reason().isBlank()) {
            throw new IllegalArgumentException("a manual entry needs a reason");
        }
        if (order.idempotencyKey() == null || order.idempotencyKey().isBlank()) {
            throw new IllegalArgumentException("a manual entry needs an idempotency key");
        }
        RuleSetting setting = book.setting(order.rule());
        int fine = order.fineYuan() == null ? setting.fineYuan() : order.fineYuan();
        if (!setting.allowsFine(fine)) {
            throw new IllegalArgumentException("fine for " + order.rule() + " must be between "
                    + setting.minFineYuan() + " and " + setting.maxFineYuan() + " yuan");
        }
        int points = order.points() == null ? setting.points() : order.points();
        if (points > 0) {
            throw new IllegalArgumentException("points of a penalty cannot be positive");
        }
        List<String> triggers = List.of("manual-" + order.idempotencyKey());
        return new LedgerEntry(LedgerEntry.idOf(order.rule(), order.subject(), triggers), order.rule(), book.version(),
                points, fine, setting.departmentNotice(), order.subject().type(), order.subject().id(),
                order.subject().name(), order.subject().department(), order.requestId(), null, order.reason().trim(),
                triggers, at, EntryStatus.ACTIVE, true, manager.id(), manager.name(), order.drill(), List.of());
    }
}
