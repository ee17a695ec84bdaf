package org.fcr.sla.domain;

import java.time.Instant;

import org.fcr.events.EscalationLevel;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;

/** Builds the {@code fcr.sla} events of a stage, each with its deterministic id. */
final class SlaEvents {

    private SlaEvents() {
    }

    /** request + stage + attempt + kind (+ level): a replay or a restart yields the same id. */
    static String eventId(String requestId, OpenStage stage, SlaEventKind kind, EscalationLevel level) {
        String id = requestId + "-" + stage.stage() + "-" + stage.attempt() + "-" + kind;
        return level == null ? id : id + "-" + level;
    }

    /**
     * A new event of a stage with every field set. Built with setters rather than an Avro builder:
     * a burst of 10,000 breaches builds 10,000 events in one tick, and builders copy each default.
     */
    static SlaEvent of(RequestClock clock, OpenStage stage, SlaEventKind kind, Instant occurredAt) {
        Person responsible = clock.responsibleFor(stage.stage());
        RequestFacts facts = clock.facts();
        SlaEvent event = new SlaEvent();
        event.setEventId(eventId(clock.requestId(), stage, kind, null));
        event.setRequestId(clock.requestId());
        event.setKind(kind);
        event.setStage(stage.stage());
        event.setAttempt(stage.attempt());
        event.setCategory(facts.category());
        event.setSubcategory(facts.subcategory());
        event.setSize(facts.size());
        event.setScope(facts.scope());
        event.setStartedAt(stage.startedAt());
        event.setDeadline(stage.deadline());
        event.setActualAt(null);
        event.setDurationMillis(null);
        event.setPausedMillis(stage.pausedMillis());
        event.setStandardMillis(stage.standardMillis());
        event.setResponsible(responsible == null ? null : responsible.toActor());
        event.setDepartment(clock.departmentFor(stage.stage()));
        event.setFirstResponder(clock.firstResponder() == null ? null : clock.firstResponder().toActor());
        event.setEscalationLevel(null);
        event.setOccurredAt(occurredAt);
        event.setCauseEventId(stage.causeEventId());
        event.setDrill(clock.drill());
        return event;
    }

    static SlaEvent ended(RequestClock clock, OpenStage stage, SlaEventKind kind, Instant actual, String cause) {
        SlaEvent event = of(clock, stage, kind, actual);
        event.setActualAt(actual);
        event.setDurationMillis(stage.durationUntil(actual));
        event.setCauseEventId(cause);
        return event;
    }

    static SlaEvent escalated(RequestClock clock, OpenStage stage, EscalationLevel level, Instant now) {
        SlaEvent event = of(clock, stage, SlaEventKind.ESCALATED, now);
        event.setEventId(eventId(clock.requestId(), stage, SlaEventKind.ESCALATED, level));
        event.setEscalationLevel(level);
        return event;
    }
}
