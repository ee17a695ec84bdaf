package org.fcr.local.simulator;

/**
 * How a simulated department treats one request. Most act in time; some let a stage slip, hand
 * the ticket back or on, bounce it (ping-pong), leave the customer unhappy, or cause a repeat
 * complaint — the situations first-contact responsibility exists for.
 */
public enum Behaviour {
    ON_TIME(62),
    LATE_ON_SITE(10),
    LATE_ACKNOWLEDGE(6),
    RETURNED_WITH_REASON(7),
    FORWARDED(5),
    PING_PONG(2),
    UNHAPPY_REVISIT(5),
    REPEAT_COMPLAINT(3);

    /** Share in percent of a simulated day's requests. */
    final int weight;

    Behaviour(int weight) {
        this.weight = weight;
    }
}
