package org.fcr.dispatch.domain;

import java.util.List;

/**
 * A dispatch decided but not yet sent: where to, by which rule, why, and — for arbitration — the
 * manager who must decide ({@code fixedHandler}) instead of whoever is on shift.
 */
public record DispatchPlan(int attempt, Department department, String ruleId, DispatchReason reason,
                           String previousDepartment, List<String> wrongDepartments, int returnCount,
                           boolean arbitrationRequired, String fixedHandler) {

    public DispatchPlan {
        wrongDepartments = wrongDepartments == null ? List.of() : List.copyOf(wrongDepartments);
    }

    /** Deterministic, so a replayed event yields the same decision id (consumers dedupe on it). */
    public static String decisionId(String requestId, int attempt) {
        return requestId + "-dispatch-" + attempt;
    }

    /** An arbitration request goes to a manager, not into a department's work queue. */
    public boolean sendsOrder() {
        return !arbitrationRequired;
    }
}
