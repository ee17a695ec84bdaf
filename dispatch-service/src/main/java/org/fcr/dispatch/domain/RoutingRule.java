package org.fcr.dispatch.domain;

import java.util.Objects;

/**
 * "Requests like this go to that department": every condition left empty matches anything. Rules
 * are tried by ascending priority, so specific rules (with a subcategory or building) carry lower
 * numbers than the broad rule of their category.
 */
public record RoutingRule(String id, int priority, String category, String subcategory, String building,
                          TimeWindow window, String department, boolean enabled, String note) {

    public RoutingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(department, "department");
        window = window == null ? TimeWindow.ALL_DAY : window;
    }

    public boolean matches(RoutingQuery query) {
        return enabled
                && (category == null || category.equals(query.category()))
                && (subcategory == null || subcategory.equals(query.subcategory()))
                && (building == null || building.equals(query.building()))
                && window.contains(query.at().toLocalTime());
    }
}
