package org.fcr.sla.domain;

import java.time.Instant;

import org.fcr.events.Category;
import org.fcr.events.Stage;

/** A finished stage, for the windowed stage statistics. */
public record StageOutcome(String department, Category category, Stage stage, long durationMillis, boolean breached,
                           Instant endedAt) {
}
