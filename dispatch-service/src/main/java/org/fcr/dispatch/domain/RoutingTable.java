package org.fcr.dispatch.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The departments and rules in force. A request goes to the first matching rule whose department
 * exists and has not already turned the ticket back; when no rule is left it goes to the desk,
 * which never refuses (首问责任制: nobody sends the customer away).
 */
public final class RoutingTable {

    private static final Comparator<RoutingRule> ORDER =
            Comparator.comparingInt(RoutingRule::priority).thenComparing(RoutingRule::id);

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final List<RoutingRule> rules;
    private final String deskCode;

    public RoutingTable(Collection<Department> departments, Collection<RoutingRule> rules, String deskCode) {
        departments.forEach(d -> this.departments.put(d.code(), d));
        this.rules = rules.stream().sorted(ORDER).toList();
        this.deskCode = deskCode;
    }

    public RouteChoice route(RoutingQuery query) {
        return route(query, Set.of());
    }

    /** The first matching rule that does not lead to one of the excluded departments, else the desk. */
    public RouteChoice route(RoutingQuery query, Set<String> excluded) {
        for (RoutingRule rule : rules) {
            if (rule.matches(query) && departments.containsKey(rule.department()) && !excluded.contains(rule.department())) {
                return new RouteChoice(departments.get(rule.department()), rule);
            }
        }
        return new RouteChoice(desk(), null);
    }

    public Optional<Department> department(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(departments.get(code));
    }

    public Department desk() {
        Department desk = departments.get(deskCode);
        return desk != null ? desk : new Department(deskCode, deskCode, null, null, null, true, List.of());
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    public Collection<Department> departments() {
        return departments.values();
    }
}
