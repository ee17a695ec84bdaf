package org.fcr.sla.api;

import java.util.List;

/**
 * The working calendar the deadlines are computed with, and the years whose public holidays are
 * missing from it (with a warning for the operations manager, Chinese first).
 */
public record CalendarView(String zone, String workStart, String workEnd, List<String> weekend,
                           List<Integer> holidayYears, List<Integer> missingHolidayYears, String warning) {
}
