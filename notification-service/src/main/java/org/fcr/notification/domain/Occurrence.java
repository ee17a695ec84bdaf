package org.fcr.notification.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened, in notification terms: which kind, about which request, with the people
 * involved and the facts a template may show. Built from an event by the messaging layer.
 *
 * @param sourceEventId deterministic id of the event that caused it, the key of dedupe
 * @param urgent        accidents and majors: never held back by quiet hours
 * @param drill         a trial-run request: never reaches a customer
 * @param params        template facts (raw: the customer phone is masked by the planner)
 */
public record Occurrence(
        String sourceEventId,
        NoticeKind kind,
        String requestId,
        Instant occurredAt,
        boolean urgent,
        boolean drill,
        Customer customer,
        String firstResponderId,
        String handlerId,
        String department,
        String subjectId,
        Map<String, Object> params) {

    public Occurrence {
        customer = customer == null ? Customer.none() : customer;
        // absent facts are simply left out: a template shows them as "none"
        params = params == null ? Map.of() : params.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
