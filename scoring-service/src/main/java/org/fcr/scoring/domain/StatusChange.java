package org.fcr.scoring.domain;

import java.time.Instant;

/** One step of an entry's appeal history: who moved it to which status, why, when. */
public record StatusChange(EntryStatus status, String byId, String byName, String reason, Instant at) {
}
