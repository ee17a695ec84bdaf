package org.fcr.scoring.store;

import java.time.Instant;

/** A stage clock that is running (or has run out) on an open request. */
public record OpenStage(String stage, int attempt, Instant startedAt, Instant deadline, boolean breached,
                        String responsible, String department) {
}
