package org.fcr.scoring.domain;

import org.fcr.events.Actor;
import org.fcr.events.Customer;

/** Translating the event contract's signatures into scoring's people. */
public final class Actors {

    private Actors() {
    }

    static Person person(Actor actor) {
        return actor == null ? null : new Person(actor.getEmployeeId(), actor.getName(), actor.getDepartment());
    }

    static boolean same(Actor actor, Person person) {
        return actor != null && person != null && actor.getEmployeeId().equals(person.id());
    }

    /** Same customer = same phone, else same unit (SPEC §6: repeated complaint by the same customer). */
    public static String customerKey(Customer customer) {
        if (customer == null) {
            return null;
        }
        if (customer.getPhone() != null && !customer.getPhone().isBlank()) {
            return "phone:" + customer.getPhone().trim();
        }
        if (customer.getUnit() != null && !customer.getUnit().isBlank()) {
            return "unit:" + customer.getUnit().trim();
        }
        return null;
    }
}
