package org.fcr.dispatch.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.fcr.dispatch.domain.Hop;
import org.fcr.dispatch.domain.RequestRouting;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One request's routing state, keyed by request id, with optimistic {@code version} (the Kafka
 * consumer and the arbitration API may both write it), the last request event seen (so an
 * arbitration can build the order without calling intake) and the outbox: every dispatch the
 * write that made this state decided (none, one, or several when one batch held several events).
 * The outbox is replaced by the next write, never cleared on its own: that would cost a second
 * write per request (see {@link PendingDispatch} for when it is sent again).
 */
@Document("request_routing")
public record RoutingDocument(String id, int attempt, String currentDepartment, String assignee,
                              int returnCount, int openReturns, List<String> returnedBy,
                              boolean arbitrationPending, List<String> processedEventIds, String description,
                              List<Hop> hops, boolean closed, byte[] lastEvent, List<PendingDispatch> outbox,
                              @Version Long version) {

    public RoutingDocument {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public static RoutingDocument of(RequestRouting s, byte[] lastEvent, List<PendingDispatch> outbox, Long version) {
        return new RoutingDocument(s.requestId(), s.attempt(), s.currentDepartment(), s.assignee(), s.returnCount(),
                s.openReturns(), s.returnedBy(), s.arbitrationPending(), new ArrayList<>(s.processedEventIds()),
                s.description(), s.hops(), s.closed(), lastEvent, outbox, version);
    }

    public RoutingDocument withVersion(Long newVersion) {
        return new RoutingDocument(id, attempt, currentDepartment, assignee, returnCount, openReturns, returnedBy,
                arbitrationPending, processedEventIds, description, hops, closed, lastEvent, outbox, newVersion);
    }

    public RequestRouting toState() {
        return new RequestRouting(id, attempt, currentDepartment, assignee, returnCount, openReturns, returnedBy,
                arbitrationPending, processedEventIds == null ? null : new LinkedHashSet<>(processedEventIds),
                description, hops, closed, version == null ? 0 : version);
    }
}
