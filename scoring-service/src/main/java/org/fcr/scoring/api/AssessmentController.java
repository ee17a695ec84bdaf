package org.fcr.scoring.api;

import java.util.List;

import org.fcr.scoring.domain.Assessment;
import org.fcr.scoring.domain.ComplaintSummary;
import org.fcr.scoring.domain.Ranking;
import org.fcr.scoring.domain.SubjectType;
import org.fcr.scoring.messaging.LiveUpdates;
import org.fcr.support.problem.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assessments (三率, points, fines), rankings (红黑榜), the monthly summary and the dashboard's views. */
@RestController
public class AssessmentController {

    private final AssessmentService assessments;
    private final DashboardService dashboard;
    private final LiveUpdates live;
    private final TrialReportService trial;

    public AssessmentController(AssessmentService assessments, DashboardService dashboard, LiveUpdates live,
                                TrialReportService trial) {
        this.assessments = assessments;
        this.trial = trial;
        this.dashboard = dashboard;
        this.live = live;
    }

    /** {@code period}: 2026-11, 2026-09..2026-11 or 2026; default this month. */
    @GetMapping("/api/assessments")
    public Mono<List<Assessment>> assessments(@RequestParam(required = false) String period,
                                              @RequestParam(defaultValue = "DEPARTMENT") SubjectType type) {
        return assessments.assessments(orThisMonth(period), type);
    }

    @GetMapping("/api/rankings")
    public Mono<Ranking> rankings(@RequestParam(required = false) String period,
                                  @RequestParam(defaultValue = "DEPARTMENT") SubjectType type) {
        return assessments.ranking(orThisMonth(period), type);
    }

    @GetMapping("/api/summary")
    public Mono<ComplaintSummary> summary(@RequestParam(required = false) String period) {
        return assessments.summary(orThisMonth(period));
    }

    /** The site's 三率 month by month, the last {@code months} up to {@code month}. */
    @GetMapping("/api/trend")
    public Flux<Assessment> trend(@RequestParam(required = false) String month,
                                  @RequestParam(defaultValue = "6") int months) {
        String end = orThisMonth(month);
        if (LedgerService.months(end).size() != 1) {
            throw ApiProblem.badRequest("invalid-period", "the trend ends at one month (yyyy-MM), not " + end);
        }
        return assessments.trend(end, Math.max(1, Math.min(months, 24)));
    }

    @GetMapping("/api/breaches")
    public Mono<DashboardService.Breaches> breaches(@RequestParam(required = false) String period,
                                                   @RequestParam(defaultValue = "false") boolean drill) {
        return drill ? trial.breaches(orThisMonth(period)) : dashboard.breaches(orThisMonth(period));
    }

    @GetMapping("/api/open-requests")
    public Flux<DashboardService.OpenView> openRequests(@RequestParam(defaultValue = "false") boolean drill) {
        return dashboard.open(drill);
    }

    /** New ledger entries ({@code entry}) and SLA changes ({@code sla}) as they happen. */
    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream() {
        return live.stream();
    }

    private String orThisMonth(String period) {
        return period == null || period.isBlank() ? assessments.currentMonth() : period;
    }
}
