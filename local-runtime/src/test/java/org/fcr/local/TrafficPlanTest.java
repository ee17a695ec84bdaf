package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fcr.local.simulator.Behaviour;
import org.fcr.local.simulator.PlannedRequest;
import org.fcr.local.simulator.TrafficPlan;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {

    @Test
    void theSameSeedGivesTheSameDay() {
        assertThat(TrafficPlan.of(7, 300)).isEqualTo(TrafficPlan.of(7, 300));
        assertThat(TrafficPlan.of(7, 300)).isNotEqualTo(TrafficPlan.of(8, 300));
    }

    @Test
    void arrivalsFallInTheWorkingDayInOrderWithMorningBusierThanEvening() {
        List<PlannedRequest> day = TrafficPlan.of(42, 2000);
        assertThat(day).isSortedAccordingTo(java.util.Comparator.comparingLong(PlannedRequest::arrivalSecond));
        assertThat(day).allSatisfy(r -> assertThat(r.arrivalSecond()).isBetween(0L, TrafficPlan.DAY_SECONDS));
        long nineToEleven = day.stream().filter(r -> r.arrivalSecond() >= 3600 && r.arrivalSecond() < 3 * 3600).count();
        long sixToEight = day.stream().filter(r -> r.arrivalSecond() >= 10 * 3600).count();
        assertThat(nineToEleven).as("09–11 (weights 21 of 87) against 18–20 (8 of 87)").isGreaterThan(2 * sixToEight);
    }

    @Test
    void mostRequestsAreRepairsAndMostDepartmentsActInTime() {
        List<PlannedRequest> day = TrafficPlan.of(42, 2000);
        Map<String, Long> byCategory = day.stream().collect(Collectors.groupingBy(PlannedRequest::category, Collectors.counting()));
        assertThat(byCategory.get("FAULT_REPAIR")).isGreaterThan(byCategory.get("SERVICE"));
        assertThat(byCategory.get("ACCIDENT")).isLessThan(byCategory.get("COMPLAINT"));
        long onTime = day.stream().filter(r -> r.behaviour() == Behaviour.ON_TIME).count();
        assertThat(onTime).isBetween(1000L, 1500L);
        assertThat(day).extracting(PlannedRequest::behaviour).contains(Behaviour.values());
    }
}
