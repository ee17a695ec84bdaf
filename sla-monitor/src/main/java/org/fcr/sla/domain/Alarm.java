package org.fcr.sla.domain;

/** The alarms of an open stage, in the order they fall due. */
public enum Alarm {
    REMINDER,
    BREACH,
    SUPERVISOR,
    OFFICE_MANAGER,
    NONE;

    public Alarm next() {
        return this == NONE ? NONE : values()[ordinal() + 1];
    }
}
