package org.fcr.sla.domain;

import org.fcr.events.Stage;

/** The terms one stage is held to, fixed when its clock starts (a later change of standards does not move it). */
public record StandardTerms(Stage stage, long standardMillis, long reminderMillis, ClockKind clock) {
}
