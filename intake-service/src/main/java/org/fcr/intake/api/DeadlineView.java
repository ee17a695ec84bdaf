package org.fcr.intake.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.fcr.intake.store.DeadlineBoard;

/**
 * A stage clock as sla-monitor last reported it (intake never computes deadlines): its deadline,
 * and whether it is still running, was met, or is overdue.
 */
public record DeadlineView(String stage, String kind, int attempt, Instant startedAt, Instant deadline,
                           Instant actualAt, String department, boolean open, boolean overdue, Instant reportedAt) {

    static List<DeadlineView> all(Document deadlines) {
        List<DeadlineView> views = new ArrayList<>();
        if (deadlines == null) {
            return views;
        }
        deadlines.forEach((stage, value) -> {
            if (value instanceof Document d) {
                String kind = d.getString("kind");
                boolean open = kind != null && DeadlineBoard.open(kind);
                views.add(new DeadlineView(stage, kind, d.getInteger("attempt", 1), instant(d.get("startedAt")),
                        instant(d.get("deadline")), instant(d.get("actualAt")), d.getString("department"), open,
                        DeadlineBoard.overdue(kind), instant(d.get("occurredAt"))));
            }
        });
        views.sort(Comparator.comparing(DeadlineView::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        return views;
    }

    static Instant instant(Object o) {
        return o instanceof Date d ? d.toInstant() : null;
    }
}
