package org.fcr.intake.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trial-run settings (issue 8) as one small value: each department's mode (absent = LIVE) and the
 * declared trial periods. {@code version} counts the audited changes; 0 = never changed.
 */
public record TrialSettings(long version, Map<String, DepartmentMode> departments, List<TrialPeriod> periods) {

    /** The default: every department LIVE, no trial period. */
    public static final TrialSettings ALL_LIVE = new TrialSettings(0, Map.of(), List.of());

    public TrialSettings {
        departments = Map.copyOf(departments);
        periods = List.copyOf(periods);
    }

    public DepartmentMode modeOf(String department) {
        return department == null ? DepartmentMode.LIVE : departments.getOrDefault(department, DepartmentMode.LIVE);
    }

    public Optional<TrialPeriod> period(String id) {
        return periods.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    TrialSettings withMode(String department, DepartmentMode mode) {
        Map<String, DepartmentMode> next = new LinkedHashMap<>(departments);
        // LIVE is the default, so only departments in TRIAL are kept
        if (mode == DepartmentMode.LIVE) {
            next.remove(department);
        } else {
            next.put(department, mode);
        }
        return new TrialSettings(version + 1, next, periods);
    }

    TrialSettings withPeriods(List<TrialPeriod> next) {
        return new TrialSettings(version + 1, departments, next);
    }
}
