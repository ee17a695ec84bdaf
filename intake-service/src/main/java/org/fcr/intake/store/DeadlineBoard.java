package org.fcr.intake.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/**
 * The deadlines sla-monitor reports, kept on the request's document (its own fields, which
 * command writes never touch): per stage the latest clock, the overdue stages, and the nearest
 * open deadline for sorting the desk's list. A replayed event writes the same values again.
 */
@Repository
public class DeadlineBoard {

    private final ReactiveMongoTemplate mongo;

    public DeadlineBoard(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records the clocks of one request (in the order sla-monitor sent them) with one read and at most
     * one write; completes with false when the request is unknown here.
     */
    public Mono<Boolean> record(String requestId, List<SlaEvent> events) {
        Criteria byId = Criteria.where("_id").is(requestId);
        Query deadlinesOnly = Query.query(byId);
        deadlinesOnly.fields().include("deadlines");
        return mongo.findOne(deadlinesOnly, Document.class, RequestStore.COLLECTION)
                .flatMap(doc -> {
                    Document current = doc.get("deadlines", new Document());
                    Document deadlines = current;
                    for (SlaEvent e : events) {
                        Document next = withClock(deadlines, e);
                        // null: an older clock of a stage that has started again
                        deadlines = next == null ? deadlines : next;
                    }
                    if (deadlines == current) {
                        return Mono.just(true);
                    }
                    Update update = new Update().set("deadlines", deadlines)
                            .set("overdueStages", overdue(deadlines))
                            .set("nextDeadline", nextDeadline(deadlines));
                    return mongo.updateFirst(Query.query(byId), update,
                            RequestStore.COLLECTION).thenReturn(true);
                })
                .defaultIfEmpty(false);
    }

    /** The deadlines with this clock recorded, or null when the event is about an older attempt. */
    static Document withClock(Document current, SlaEvent e) {
        Document deadlines = new Document(current);
        String stage = e.getStage().name();
        Document previous = deadlines.get(stage, Document.class);
        if (previous != null && previous.getInteger("attempt", 1) > e.getAttempt()) {
            return null;
        }
        deadlines.put(stage, clock(e));
        return deadlines;
    }

    private static Document clock(SlaEvent e) {
        return new Document("kind", e.getKind().name())
                .append("attempt", e.getAttempt())
                .append("startedAt", Date.from(e.getStartedAt()))
                .append("deadline", Date.from(e.getDeadline()))
                .append("actualAt", e.getActualAt() == null ? null : Date.from(e.getActualAt()))
                .append("department", e.getDepartment())
                .append("responsible", e.getResponsible() == null ? null : e.getResponsible().getEmployeeId())
                .append("occurredAt", Date.from(e.getOccurredAt()));
    }

    /** A clock still running: neither met nor cancelled. */
    public static boolean open(String kind) {
        return !SlaEventKind.MET.name().equals(kind) && !SlaEventKind.CANCELLED.name().equals(kind);
    }

    /** A clock past its deadline (breached, perhaps escalated since). */
    public static boolean overdue(String kind) {
        return SlaEventKind.BREACHED.name().equals(kind) || SlaEventKind.ESCALATED.name().equals(kind);
    }

    static List<String> overdue(Document deadlines) {
        List<String> stages = new ArrayList<>();
        deadlines.forEach((stage, v) -> {
            if (overdue(((Document) v).getString("kind"))) {
                stages.add(stage);
            }
        });
        return stages;
    }

    static Date nextDeadline(Document deadlines) {
        Date next = null;
        for (Object v : deadlines.values()) {
            Document d = (Document) v;
            Date deadline = d.getDate("deadline");
            if (open(d.getString("kind")) && deadline != null && (next == null || deadline.before(next))) {
                next = deadline;
            }
        }
        return next;
    }
}
