package org.fcr.dispatch.domain;

import java.time.LocalDateTime;

/**
 * What routing looks at: the request's category and subcategory, where it is and when it is
 * dispatched. {@code building} is taken from the unit ("3-2-501" is building 3) when not given.
 */
public record RoutingQuery(String category, String subcategory, String building, LocalDateTime at) {

    public static RoutingQuery of(String category, String subcategory, String building, String unit, LocalDateTime at) {
        String where = building != null && !building.isBlank() ? building.trim() : buildingOf(unit);
        return new RoutingQuery(category, blankToNull(subcategory), where, at);
    }

    static String buildingOf(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String trimmed = unit.trim();
        int dash = trimmed.indexOf('-');
        return dash > 0 ? trimmed.substring(0, dash) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
