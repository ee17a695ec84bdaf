package org.fcr.scoring.domain;

import java.util.Map;

/**
 * A subject's figures for a period (SPEC §6, in the style of the 12345 hotline assessments). Rates
 * are 0–1 and null when there was nothing to measure; the composite is 0–100.
 */
public record Assessment(String period, SubjectType type, String subjectId, String subjectName, String department,
                         int requests, int basePoints, int deductions, int points, int fineYuan, int entries,
                         Double responseRate, Map<String, Double> onTimeRate, Double resolutionRate,
                         Double satisfactionRate, int validRevisits, Double repeatComplaintRate, int repeatComplaints,
                         Double returnRate, int escalations, Double composite) {
}
