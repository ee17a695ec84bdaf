package org.fcr.scoring.domain;

import java.util.Map;

/**
 * One request's part in a period's figures for one subject. Stored under the request id inside
 * the period's aggregate, so writing it again (a replay) replaces rather than adds.
 */
public record Contribution(String category, String building, String department, boolean dispatched,
                           boolean acknowledged, boolean returned, Boolean solved, String satisfaction,
                           int escalations, Map<String, Integer> met, Map<String, Integer> breached) {

    public Contribution {
        met = met == null ? Map.of() : Map.copyOf(met);
        breached = breached == null ? Map.of() : Map.copyOf(breached);
    }
}
