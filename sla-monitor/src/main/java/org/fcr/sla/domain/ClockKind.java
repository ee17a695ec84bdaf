package org.fcr.sla.domain;

/** How a stage's time is counted: on the wall clock (24-hour categories) or in working time only. */
public enum ClockKind {
    CLOCK,
    WORKING
}
