package org.fcr.scoring.domain;

/** A recorded violation a later event may build on (a breach that delays the next stage, a sign-off that caused harm). */
public record Violation(String eventId, String stage, Subject subject) {
}
