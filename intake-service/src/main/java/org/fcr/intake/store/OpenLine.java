package org.fcr.intake.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.bson.Document;
import org.fcr.events.Actor;
import org.fcr.events.RequestContext;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.domain.Step;

/**
 * An open request's line in the lists: its state and deadlines, and the fields lists filter and
 * sort on, read out of them once per change. A list over 100k open requests then compares plain
 * fields, and only the lines of the page answered become summary documents — a summary document
 * per open request would hold some 2 KB of map entries each, a 384 MB heap full at 120k open.
 */
final class OpenLine {

    private final RequestState state;
    private final Document deadlines;
    private final String status;
    private final String step;
    private final String category;
    private final String channel;
    private final String register;
    private final String firstResponderId;
    private final String department;
    /** The department whose queue holds the ticket: none while it waits for (re-)dispatch after a return or forward. */
    private final String queue;
    private final String handlerId;
    private final List<String> returnedBy;
    private final boolean overdue;
    private final Long receivedAt;
    private final Long acceptedAt;
    private final Long updatedAt;
    private final Long nextDeadline;
    private final Long promisedBy;
    private final Long completedAt;

    OpenLine(RequestState state, Document deadlines) {
        this.state = state;
        this.deadlines = deadlines;
        RequestContext c = state.context();
        Actor handler = c.getHandler();
        status = state.status().name();
        step = state.step().name();
        category = c.getCategory().name();
        channel = c.getChannel().name();
        register = state.register() == null ? null : state.register().name();
        firstResponderId = c.getFirstResponder().getEmployeeId();
        department = c.getDepartment();
        queue = state.step() == Step.AWAITING_DISPATCH ? null : department;
        handlerId = handler == null ? null : handler.getEmployeeId();
        returnedBy = state.returnedBy();
        overdue = !DeadlineBoard.overdue(deadlines).isEmpty();
        receivedAt = millis(state.receivedAt());
        acceptedAt = millis(state.acceptedAt());
        updatedAt = millis(state.updatedAt());
        Date next = DeadlineBoard.nextDeadline(deadlines);
        nextDeadline = next == null ? null : next.getTime();
        promisedBy = millis(state.promisedBy());
        completedAt = millis(state.completedAt());
    }

    RequestState state() {
        return state;
    }

    Document deadlines() {
        return deadlines;
    }

    String id() {
        return state.id();
    }

    String firstResponderId() {
        return firstResponderId;
    }

    String department() {
        return department;
    }

    List<String> returnedBy() {
        return returnedBy;
    }

    String queue() {
        return queue;
    }

    boolean overdue() {
        return overdue;
    }

    Long receivedAt() {
        return receivedAt;
    }

    Long nextDeadline() {
        return nextDeadline;
    }

    /** The summary document the API answers with (the shape the store lists), made when a page is answered. */
    Document summary() {
        Document d = new Document("_id", state.id());
        d.putAll(RequestDocuments.summary(state));
        return RequestDocuments.withDeadlines(d, deadlines);
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

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
