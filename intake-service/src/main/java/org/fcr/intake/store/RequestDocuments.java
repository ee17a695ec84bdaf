package org.fcr.intake.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.fcr.events.Actor;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.domain.StageCommand;
import org.fcr.intake.domain.StageMachine;
import org.fcr.schemas.AvroSerde;

/**
 * The shape of a request in MongoDB: one document holding the timeline (Avro single-object bytes,
 * the exact records published), the version ({@code seq}, the last sequence) and flat summary
 * fields that lists, registers and ledgers filter on. The sla consumer owns {@code deadlines} and
 * {@code overdueStages}, which command writes never touch.
 */
final class RequestDocuments {

    static final AvroSerde<RequestEvent> CODEC = AvroSerde.of(RequestEvent.class);

    static final String SEQ = "seq";
    static final String EVENTS = "events";
    /** When the store last wrote the document (not an event time: decisions arrive with their own). */
    static final String WRITTEN_AT = "writtenAt";

    private RequestDocuments() {
    }

    static Document newDocument(RequestState state, List<RequestEvent> events) {
        return newDocument(state, events, new Document());
    }

    /** A whole document, with the deadlines already reported and what lists derive from them. */
    static Document newDocument(RequestState state, List<RequestEvent> events, Document deadlines) {
        Document doc = new Document("_id", state.id());
        // absent rather than null: a smaller document for the store to write (queries match both alike)
        summary(state).forEach((field, value) -> {
            if (value != null) {
                doc.put(field, value);
            }
        });
        doc.put(EVENTS, encode(events));
        return withDeadlines(doc, deadlines);
    }

    /** The deadlines sla-monitor reported and what lists derive from them: the overdue stages, the next one. */
    static Document withDeadlines(Document doc, Document deadlines) {
        doc.put("deadlines", deadlines);
        doc.put("overdueStages", DeadlineBoard.overdue(deadlines));
        doc.put("nextDeadline", DeadlineBoard.nextDeadline(deadlines));
        return doc;
    }

    static List<Binary> encode(List<RequestEvent> events) {
        List<Binary> encoded = new ArrayList<>(events.size());
        for (RequestEvent e : events) {
            encoded.add(new Binary(CODEC.toBytes(e)));
        }
        return encoded;
    }

    static List<RequestEvent> events(Document doc) {
        List<?> raw = doc.getList(EVENTS, Object.class, List.of());
        List<RequestEvent> events = new ArrayList<>(raw.size());
        for (Object o : raw) {
            byte[] bytes = o instanceof Binary b ? b.getData() : (byte[]) o;
            events.add(CODEC.fromBytes(bytes));
        }
        return events;
    }

    /** The fields queries filter and sort on; rewritten whole with every command. */
    static Document summary(RequestState s) {
        RequestContext c = s.context();
        Document d = new Document();
        d.put(SEQ, s.sequence());
        d.put("status", s.status().name());
        d.put("step", s.step().name());
        d.put("category", c.getCategory().name());
        d.put("subcategory", c.getSubcategory());
        d.put("size", c.getSize().name());
        d.put("scope", c.getScope().name());
        d.put("major", c.getMajor());
        d.put("paid", c.getPaid());
        d.put("drill", c.getDrill());
        d.put("channel", c.getChannel().name());
        d.put("register", s.register() == null ? null : s.register().name());
        d.put("firstResponderId", c.getFirstResponder().getEmployeeId());
        d.put("firstResponderName", c.getFirstResponder().getName());
        d.put("department", c.getDepartment());
        Actor handler = c.getHandler();
        d.put("handlerId", handler == null ? null : handler.getEmployeeId());
        d.put("handlerName", handler == null ? null : handler.getName());
        d.put("customerName", c.getCustomer().getName());
        d.put("customerUnit", c.getCustomer().getUnit());
        d.put("customerPhone", c.getCustomer().getPhone());
        d.put("building", c.getBuilding());
        d.put("description", s.description());
        d.put("receivedAt", date(s.receivedAt()));
        d.put("acceptedAt", date(s.acceptedAt()));
        d.put("updatedAt", date(s.updatedAt()));
        d.put("promisedBy", date(s.promisedBy()));
        d.put("completedAt", date(s.completedAt()));
        d.put("result", s.result());
        d.put("satisfaction", s.satisfaction() == null ? null : s.satisfaction().name());
        d.put("closedOutcome", s.closedOutcome());
        d.put("mergedInto", s.mergedInto());
        d.put("returnedBy", s.returnedBy());
        d.put("escalations", s.escalations());
        d.put("allowed", StageMachine.allowed(s).stream().map(StageCommand::path).toList());
        return d;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
