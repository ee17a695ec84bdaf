package org.fcr.scoring.domain;

import java.util.Optional;

import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;

/**
 * A stage that ended (SLA {@code MET} or {@code BREACHED}), counted for the same subject a late
 * stage would be charged to — so a department's breaches and its would-be entries line up.
 */
public record StageOutcome(String eventId, StageMark mark, String department, Person person) {

    /** Empty for every other kind of SLA event. Call after the engine applied the event to the facts. */
    public static Optional<StageOutcome> of(RequestFacts facts, SlaEvent event) {
        if (event.getKind() != SlaEventKind.MET && event.getKind() != SlaEventKind.BREACHED) {
            return Optional.empty();
        }
        Subject subject = SlaRules.responsible(facts, event);
        Person person = subject != null && subject.type() == SubjectType.PERSON
                ? new Person(subject.id(), subject.name(), subject.department()) : null;
        String department = firstOf(subject == null ? null : subject.department(), event.getDepartment(),
                facts.department(), TrialSubject.UNASSIGNED);
        var mark = new StageMark(event.getStage().name(), event.getKind() == SlaEventKind.MET);
        return Optional.of(new StageOutcome(event.getEventId(), mark, department, person));
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }
}
