package org.fcr.local.simulator;

/**
 * One request of the simulated day: when it arrives (simulated seconds after the day starts),
 * what it is, who the customer is, and how the department will treat it.
 */
public record PlannedRequest(
        int number,
        long arrivalSecond,
        String channel,
        String category,
        String subcategory,
        String size,
        String scope,
        boolean major,
        String building,
        String unit,
        String customerName,
        String phone,
        String description,
        String firstResponder,
        Behaviour behaviour) {
}
