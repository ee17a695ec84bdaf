package org.fcr.intake;

import org.fcr.events.DispatchDecision;

/** Lets tests in other packages build the fixtures of {@link WalkingSkeletonTest}. */
public final class WalkingSkeletonTestAccess {

    private WalkingSkeletonTestAccess() {
    }

    public static DispatchDecision decision(String requestId, int attempt) {
        return WalkingSkeletonTest.decision(requestId, attempt, false);
    }

    public static org.fcr.events.SlaEvent sla(String requestId, org.fcr.events.SlaEventKind kind,
                                              org.fcr.events.Stage stage, java.time.Instant deadline) {
        return WalkingSkeletonTest.sla(requestId, kind, stage, deadline);
    }

    /** A re-routing decision to another department (after a return or a forward). */
    public static DispatchDecision reroute(String requestId, int attempt, String department) {
        DispatchDecision d = WalkingSkeletonTest.decision(requestId, attempt, false);
        d.setDepartment(department);
        d.setDepartmentName(department);
        d.setReason(org.fcr.events.DispatchReason.FORWARDED);
        d.setPreviousDepartment("engineering");
        return d;
    }
}
