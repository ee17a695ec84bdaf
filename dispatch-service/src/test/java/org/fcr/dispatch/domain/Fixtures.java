package org.fcr.dispatch.domain;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** A small property company: the seed's departments and rules in miniature. */
final class Fixtures {

    static final String DESK = "customer-service";

    private Fixtures() {
    }

    static DutyShift shift(String id, String from, String to) {
        return new DutyShift(id, id, Set.of(), LocalTime.parse(from), LocalTime.parse(to));
    }

    static Department department(String code, DutyShift... roster) {
        return new Department(code, code + "部", "8000", code + "-sup", "mgr01", false, List.of(roster));
    }

    static RoutingRule rule(String id, int priority, String category, String subcategory, String building,
                            String from, String to, String department) {
        TimeWindow window = from == null ? TimeWindow.ALL_DAY : new TimeWindow(LocalTime.parse(from), LocalTime.parse(to));
        return new RoutingRule(id, priority, category, subcategory, building, window, department, true, null);
    }

    static RoutingTable table() {
        return new RoutingTable(List.of(
                department("engineering", shift("eng01", "08:00", "20:00"), shift("eng02", "08:00", "20:00"), shift("eng03", "20:00", "08:00")),
                department("security", shift("sec01", "08:00", "20:00"), shift("sec02", "20:00", "08:00"), shift("cctv01", "00:00", "00:00")),
                department("cleaning", shift("clean01", "07:00", "17:00")),
                department("landscaping", shift("green01", "08:00", "17:00")),
                department(DESK, shift("desk01", "08:00", "20:00"), shift("desk02", "20:00", "08:00")),
                department("administration", shift("mgr01", "09:00", "18:00"))),
                List.of(
                        rule("fault-landscape-night", 15, "FAULT_REPAIR", "景观绿化", null, "17:00", "08:00", "engineering"),
                        rule("fault-landscape", 20, "FAULT_REPAIR", "景观绿化", null, null, null, "landscaping"),
                        rule("fault-building-9", 50, "FAULT_REPAIR", null, "9", null, null, "security"),
                        rule("fault-repair", 100, "FAULT_REPAIR", null, null, null, null, "engineering"),
                        rule("accident", 100, "ACCIDENT", null, null, null, null, "security"),
                        rule("service-cleaning", 10, "SERVICE", "保洁", null, null, null, "cleaning"),
                        rule("service", 100, "SERVICE", null, null, null, null, DESK),
                        rule("to-nowhere", 5, "OTHER", null, null, null, null, "closed-department")),
                DESK);
    }

    static RoutingQuery query(String category, String subcategory, String unit, String at) {
        return RoutingQuery.of(category, subcategory, null, unit, LocalDateTime.parse(at));
    }
}
