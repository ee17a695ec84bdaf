package org.fcr.scoring.store;

import java.time.Instant;
import java.util.Map;

/** A request with at least one stage clock open, as the SLA events show it; gone once all are closed. */
public record OpenRequest(String id, String category, String department, boolean drill, Instant updatedAt,
                          Map<String, OpenStage> stages) {

    public OpenRequest {
        stages = stages == null ? Map.of() : stages;
    }

    public boolean overdue(Instant now) {
        return stages.values().stream().anyMatch(s -> s.breached() || s.deadline().isBefore(now));
    }
}
