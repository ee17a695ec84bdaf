package org.fcr.scoring.domain;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The monthly summary (SPEC §4: complaints are summarised monthly): counts by category, building, department, and the return visits. */
public record ComplaintSummary(String period, int requests, Map<String, Integer> byCategory,
                               Map<String, Integer> byBuilding, Map<String, Integer> byDepartment,
                               int repeatComplaints, Map<String, Integer> revisits, int escalations,
                               Map<String, Integer> breachesByStage) {

    public static ComplaintSummary of(String period, Collection<Contribution> requests, Collection<EntrySummary> entries) {
        Map<String, Integer> category = new TreeMap<>(), building = new TreeMap<>(), department = new TreeMap<>();
        Map<String, Integer> revisits = new TreeMap<>(), breaches = new TreeMap<>();
        int escalations = 0;
        for (Contribution c : requests) {
            category.merge(orNone(c.category()), 1, Integer::sum);
            building.merge(orNone(c.building()), 1, Integer::sum);
            department.merge(orNone(c.department()), 1, Integer::sum);
            if (c.satisfaction() != null) {
                revisits.merge(c.satisfaction(), 1, Integer::sum);
            }
            escalations += c.escalations();
            c.breached().forEach((stage, n) -> breaches.merge(stage, n, Integer::sum));
        }
        int repeats = (int) entries.stream()
                .filter(e -> e.rule() == PenaltyRule.REPEAT_COMPLAINT && e.status().counts()).count();
        return new ComplaintSummary(period, requests.size(), category, building, department, repeats, revisits,
                escalations, breaches);
    }

    private static String orNone(String value) {
        return value == null ? "-" : value;
    }
}
