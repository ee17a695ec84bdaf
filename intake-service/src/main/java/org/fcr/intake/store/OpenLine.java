package org.fcr.intake.store;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.bson.Document;

/**
 * An open request's line in the lists: the summary document the API answers with, and the fields
 * lists filter and sort on, read out of it once per change. A list over 100k open requests then
 * compares plain fields instead of looking each one up in a document.
 */
final class OpenLine {

    final Document summary;
    private final String status;
    private final String step;
    private final String category;
    private final String channel;
    private final String register;
    private final String firstResponderId;
    private final String department;
    private final String handlerId;
    private final List<String> returnedBy;
    private final boolean overdue;
    private final Long receivedAt;
    private final Long acceptedAt;
    private final Long updatedAt;
    private final Long nextDeadline;
    private final Long promisedBy;
    private final Long completedAt;

    OpenLine(Document summary) {
        this.summary = summary;
        status = summary.getString("status");
        step = summary.getString("step");
        category = summary.getString("category");
        channel = summary.getString("channel");
        register = summary.getString("register");
        firstResponderId = summary.getString("firstResponderId");
        department = summary.getString("department");
        handlerId = summary.getString("handlerId");
        returnedBy = summary.getList("returnedBy", String.class, List.of());
        overdue = !summary.getList("overdueStages", String.class, List.of()).isEmpty();
        receivedAt = millis(summary, "receivedAt");
        acceptedAt = millis(summary, "acceptedAt");
        updatedAt = millis(summary, "updatedAt");
        nextDeadline = millis(summary, "nextDeadline");
        promisedBy = millis(summary, "promisedBy");
        completedAt = millis(summary, "completedAt");
    }

    String id() {
        return summary.getString("_id");
    }

    boolean matches(RequestFilter f) {
        if (!eq(status, f.status()) || !eq(step, f.stage()) || !eq(category, f.category())
                || !eq(channel, f.channel()) || !eq(register, f.register())
                || !eq(firstResponderId, f.firstResponder()) || !eq(department, f.department())
                || !eq(handlerId, f.handler())) {
            return false;
        }
        if (f.returnedBy() != null && !returnedBy.contains(f.returnedBy())) {
            return false;
        }
        if (f.from() != null && (receivedAt == null || receivedAt < f.from().toEpochMilli())) {
            return false;
        }
        if (f.to() != null && (receivedAt == null || receivedAt >= f.to().toEpochMilli())) {
            return false;
        }
        return f.overdue() == null || overdue == f.overdue();
    }

    /** The sort key of a sortable field (RequestQueries.SORTABLE), chosen once per list. */
    @SuppressWarnings("rawtypes")
    static Function<OpenLine, Comparable> sortKey(String field) {
        return switch (field) {
            case "receivedAt" -> l -> l.receivedAt;
            case "acceptedAt" -> l -> l.acceptedAt;
            case "updatedAt" -> l -> l.updatedAt;
            case "nextDeadline" -> l -> l.nextDeadline;
            case "promisedBy" -> l -> l.promisedBy;
            case "completedAt" -> l -> l.completedAt;
            case "status" -> l -> l.status;
            case "stage" -> l -> l.step;
            case "category" -> l -> l.category;
            case "department" -> l -> l.department;
            default -> throw new IllegalArgumentException("not sortable: " + field);
        };
    }

    private static boolean eq(String value, String wanted) {
        return wanted == null || wanted.isBlank() || Objects.equals(value, wanted);
    }

    private static Long millis(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.getTime();
    }
}
