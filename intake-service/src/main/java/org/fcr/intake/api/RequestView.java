package org.fcr.intake.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fcr.events.Actor;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.intake.domain.RequestState;
import org.fcr.intake.domain.StageCommand;
import org.fcr.intake.domain.StageMachine;
import org.fcr.intake.store.StoredRequest;

/** One request with everything a desk operator needs: state, the commands allowed now, deadlines, timeline. */
public record RequestView(
        String id, long version, String status, String stage, List<String> expected,
        String channel, String category, String subcategory, String size, String scope, boolean major,
        boolean paid, boolean drill, Map<String, Object> customer, String building, String description,
        Instant receivedAt, Instant acceptedAt, Instant updatedAt, Instant promisedBy, String promisedResult,
        String register, Map<String, Object> firstResponder, String department, Map<String, Object> handler,
        Long quotedFen, Boolean consent, Long feePaidFen, String receiptNo, Instant onSiteAt, Instant completedAt,
        String result, Boolean solved, String satisfaction, String closedOutcome, String mergedInto,
        List<String> mergedFrom, List<String> returnedBy, int escalations,
        List<DeadlineView> deadlines, boolean overdue, List<TimelineEntry> timeline) {

    public record TimelineEntry(long sequence, String eventId, String type, Instant occurredAt,
                                Map<String, Object> actor, Map<String, Object> details,
                                Map<String, String> attributes) {

        static TimelineEntry of(RequestEvent e) {
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            e.getAttributes().forEach((k, v) -> attributes.put(k.toString(), v.toString()));
            return new TimelineEntry(e.getSequence(), e.getEventId(), e.getType().name(), e.getOccurredAt(),
                    AvroMaps.toMap(e.getActor()),
                    e.getPayload() instanceof org.apache.avro.generic.IndexedRecord r ? AvroMaps.toMap(r) : Map.of(),
                    attributes);
        }
    }

    public static RequestView of(StoredRequest stored) {
        List<TimelineEntry> timeline = stored.timeline().stream().map(TimelineEntry::of).toList();
        List<DeadlineView> deadlines = DeadlineView.all(stored.deadlines());
        return of(stored.state(), deadlines, timeline);
    }

    /** Right after a command: the new state; deadlines and timeline are read with GET. */
    public static RequestView of(RequestState s, List<DeadlineView> deadlines, List<TimelineEntry> timeline) {
        RequestContext c = s.context();
        return new RequestView(s.id(), s.sequence(), s.status().name(), s.step().name(),
                new ArrayList<>(StageMachine.allowed(s).stream().map(StageCommand::path).toList()),
                c.getChannel().name(), c.getCategory().name(), c.getSubcategory(), c.getSize().name(),
                c.getScope().name(), c.getMajor(), c.getPaid(), c.getDrill(), AvroMaps.toMap(c.getCustomer()),
                c.getBuilding(), s.description(), s.receivedAt(), s.acceptedAt(), s.updatedAt(), s.promisedBy(),
                s.promisedResult(), s.register() == null ? null : s.register().name(),
                AvroMaps.toMap(c.getFirstResponder()), c.getDepartment(), actor(c.getHandler()),
                s.quotedFen(), s.consent(), s.feePaidFen(), s.receiptNo(), s.onSiteAt(), s.completedAt(), s.result(),
                s.solved(), s.satisfaction() == null ? null : s.satisfaction().name(), s.closedOutcome(),
                s.mergedInto(), s.mergedFrom(), s.returnedBy(), s.escalations(),
                deadlines, deadlines.stream().anyMatch(DeadlineView::overdue), timeline);
    }

    private static Map<String, Object> actor(Actor a) {
        return a == null ? null : AvroMaps.toMap(a);
    }
}
