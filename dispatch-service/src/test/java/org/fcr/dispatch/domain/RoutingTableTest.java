package org.fcr.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rule takes a request: priority, subcategory, building, time of day, and the desk fallback. */
class RoutingTableTest {

    @ParameterizedTest(name = "{0}/{1} unit {2} at {3} → {4} by {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # category     | subcategory | unit      | at               | department       | rule
            FAULT_REPAIR   | 水电        | 3-2-501   | 2025-06-09T10:00 | engineering      | fault-repair
            FAULT_REPAIR   | -           | -         | 2025-06-09T10:00 | engineering      | fault-repair
            FAULT_REPAIR   | 景观绿化    | 3-2-501   | 2025-06-09T10:00 | landscaping      | fault-landscape
            FAULT_REPAIR   | 景观绿化    | 3-2-501   | 2025-06-09T17:00 | engineering      | fault-landscape-night
            FAULT_REPAIR   | 景观绿化    | 3-2-501   | 2025-06-10T02:00 | engineering      | fault-landscape-night
            FAULT_REPAIR   | 景观绿化    | 3-2-501   | 2025-06-10T08:00 | landscaping      | fault-landscape
            FAULT_REPAIR   | 水电        | 9-1-101   | 2025-06-09T10:00 | security         | fault-building-9
            FAULT_REPAIR   | 水电        | 19-1-101  | 2025-06-09T10:00 | engineering      | fault-repair
            ACCIDENT       | -           | 3-2-501   | 2025-06-09T03:00 | security         | accident
            SERVICE        | 保洁        | 3-2-501   | 2025-06-09T10:00 | cleaning         | service-cleaning
            SERVICE        | 停车        | 3-2-501   | 2025-06-09T10:00 | customer-service | service
            COMPLAINT      | -           | 3-2-501   | 2025-06-09T10:00 | customer-service | -
            OTHER          | -           | -         | 2025-06-09T10:00 | customer-service | -
            """)
    void routesByTheFirstMatchingRule(String category, String subcategory, String unit, String at,
                                      String department, String rule) {
        RouteChoice choice = Fixtures.table().route(Fixtures.query(category, subcategory, unit, at));
        assertThat(choice.department().code()).isEqualTo(department);
        assertThat(choice.ruleId()).isEqualTo(rule);
        assertThat(choice.fallback()).isEqualTo(rule == null);
    }

    @Test
    void excludedDepartmentsAreSkippedAndTheDeskCatchesTheRest() {
        var table = Fixtures.table();
        var query = Fixtures.query("FAULT_REPAIR", "景观绿化", "3-2-501", "2025-06-09T10:00");
        assertThat(table.route(query, Set.of("landscaping")).ruleId()).isEqualTo("fault-repair");
        assertThat(table.route(query, Set.of("landscaping", "engineering")).department().code()).isEqualTo("customer-service");
    }

    @Test
    void aDisabledRuleNeverMatches() {
        var rule = new RoutingRule("off", 1, "ACCIDENT", null, null, null, "cleaning", false, null);
        assertThat(rule.matches(Fixtures.query("ACCIDENT", null, null, "2025-06-09T10:00"))).isFalse();
    }

    @Test
    void anExplicitBuildingWinsOverTheUnit() {
        var query = RoutingQuery.of("FAULT_REPAIR", null, "9", "3-2-501", java.time.LocalDateTime.parse("2025-06-09T10:00"));
        assertThat(Fixtures.table().route(query).department().code()).isEqualTo("security");
    }
}
