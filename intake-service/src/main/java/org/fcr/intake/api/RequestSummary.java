package org.fcr.intake.api;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

/** One line of a list: enough to see where a request stands and how long is left, without its timeline. */
public record RequestSummary(String id, long version, String status, String stage, List<String> expected,
                             String channel, String category, String subcategory, String register,
                             String customerName, String customerUnit, String customerPhone, String description,
                             String firstResponderId, String firstResponderName, String department,
                             String handlerId, String handlerName, Instant receivedAt, Instant updatedAt,
                             Instant promisedBy, Instant completedAt, String result, String satisfaction,
                             boolean major, boolean paid, boolean drill, List<String> returnedBy,
                             Instant nextDeadline, boolean overdue, List<DeadlineView> deadlines) {

    static RequestSummary of(Document d) {
        List<String> overdue = d.getList("overdueStages", String.class, List.of());
        return new RequestSummary(d.getString("_id"), ((Number) d.get("seq")).longValue(), d.getString("status"),
                d.getString("step"), d.getList("allowed", String.class, List.of()), d.getString("channel"),
                d.getString("category"), d.getString("subcategory"), d.getString("register"),
                d.getString("customerName"), d.getString("customerUnit"), d.getString("customerPhone"),
                d.getString("description"), d.getString("firstResponderId"), d.getString("firstResponderName"),
                d.getString("department"), d.getString("handlerId"), d.getString("handlerName"),
                DeadlineView.instant(d.get("receivedAt")), DeadlineView.instant(d.get("updatedAt")),
                DeadlineView.instant(d.get("promisedBy")), DeadlineView.instant(d.get("completedAt")),
                d.getString("result"), d.getString("satisfaction"), Boolean.TRUE.equals(d.getBoolean("major")),
                Boolean.TRUE.equals(d.getBoolean("paid")), Boolean.TRUE.equals(d.getBoolean("drill")),
                d.getList("returnedBy", String.class, List.of()), DeadlineView.instant(d.get("nextDeadline")),
                !overdue.isEmpty(), DeadlineView.all(d.get("deadlines", Document.class)));
    }
}
