package org.fcr.dispatch.domain;

/** One stop of a ticket's journey between departments. */
public record Hop(int attempt, String department, DispatchReason reason, boolean arbitrationRequired) {
}
