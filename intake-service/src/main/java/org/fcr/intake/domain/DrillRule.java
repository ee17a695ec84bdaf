package org.fcr.intake.domain;

import java.time.Instant;
import java.util.Optional;

import org.fcr.events.Actor;

/**
 * Issue 8: is this request a drill? It is when whoever recorded it said so, when it was received during a
 * declared trial period, or when its first responder belongs to a department in TRIAL. Decided once, at 受理;
 * a later switch to LIVE does not turn a rehearsal into a real request.
 */
public final class DrillRule {

    public enum Why { ASKED, TRIAL_PERIOD, DEPARTMENT_IN_TRIAL }

    private DrillRule() {
    }

    public static boolean isDrill(boolean asked, Instant receivedAt, Actor firstResponder, TrialSettings settings) {
        return why(asked, receivedAt, firstResponder, settings).isPresent();
    }

    public static Optional<Why> why(boolean asked, Instant receivedAt, Actor firstResponder, TrialSettings settings) {
        if (asked) {
            return Optional.of(Why.ASKED);
        }
        if (settings.periods().stream().anyMatch(p -> p.covers(receivedAt))) {
            return Optional.of(Why.TRIAL_PERIOD);
        }
        String department = firstResponder == null ? null : firstResponder.getDepartment();
        if (settings.modeOf(department) == DepartmentMode.TRIAL) {
            return Optional.of(Why.DEPARTMENT_IN_TRIAL);
        }
        return Optional.empty();
    }
}
