package org.fcr.scoring.api;

import org.fcr.scoring.domain.TrialReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The trial-run (模拟试运行) report: what drills would have cost each department and person. */
@RestController
public class TrialReportController {

    private final TrialReportService reports;
    private final AssessmentService assessments;

    public TrialReportController(TrialReportService reports, AssessmentService assessments) {
        this.reports = reports;
        this.assessments = assessments;
    }

    /** {@code period}: 2026-11, 2026-09..2026-11 or 2026; default this month. */
    @GetMapping("/api/trial-report")
    public Mono<TrialReport> report(@RequestParam(required = false) String period) {
        return reports.report(period == null || period.isBlank() ? assessments.currentMonth() : period);
    }
}
