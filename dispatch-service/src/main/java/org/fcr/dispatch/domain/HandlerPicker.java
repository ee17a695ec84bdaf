package org.fcr.dispatch.domain;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Picks who on shift gets the ticket: the one with the least open work, ties going to the one
 * listed first on the roster (the department's own order of precedence).
 */
public final class HandlerPicker {

    private HandlerPicker() {
    }

    public static Optional<DutyShift> pick(Department department, LocalDateTime at, Map<String, Integer> openWork) {
        var onShift = department.onShift(at);
        return onShift.stream()
                .min(Comparator.<DutyShift>comparingInt(s -> openWork.getOrDefault(s.employeeId(), 0))
                        .thenComparingInt(onShift::indexOf));
    }
}
