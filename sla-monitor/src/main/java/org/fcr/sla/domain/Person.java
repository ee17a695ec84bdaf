package org.fcr.sla.domain;

import org.fcr.events.Actor;

/** A signer as the SLA engine remembers one: enough to name the responsible person in an event. */
public record Person(String employeeId, String name, String department, String role, int rank) {

    public static Person of(Actor actor) {
        return actor == null ? null : new Person(actor.getEmployeeId(), actor.getName(), actor.getDepartment(),
                actor.getRole(), actor.getRank());
    }

    public Actor toActor() {
        return new Actor(employeeId, name, department, role, rank);
    }
}
