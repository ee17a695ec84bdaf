package org.fcr.scoring.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fcr.scoring.domain.SubjectType;
import org.fcr.scoring.store.AggregateStore;
import org.fcr.scoring.store.OpenRequest;
import org.fcr.scoring.store.OpenStage;
import org.fcr.scoring.store.OpenWorkStore;
import org.fcr.scoring.store.PeriodAggregate;
import org.fcr.scoring.store.StageStatsStore;
import org.fcr.scoring.store.StageWindow;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The dashboard's operational views: breaches by stage and department, open and overdue requests. */
@Service
public class DashboardService {

    /** Breaches and stages met of one department at one stage; source says where the figures come from. */
    public record StageCell(String department, String stage, long breached, long met) {
    }

    public record Breaches(String period, String source, List<StageCell> cells) {
    }

    public record OpenView(String requestId, String category, String department, boolean overdue,
                           Instant nextDeadline, List<OpenStage> stages) {
    }

    private final StageStatsStore stageStats;
    private final AggregateStore aggregates;
    private final OpenWorkStore openWork;
    private final Clock clock;

    public DashboardService(StageStatsStore stageStats, AggregateStore aggregates, OpenWorkStore openWork, Clock clock) {
        this.stageStats = stageStats;
        this.aggregates = aggregates;
        this.openWork = openWork;
        this.clock = clock;
    }

    /**
     * From sla-monitor's windowed statistics when there are any (one window size, the largest, so
     * nothing counts twice); otherwise from the breaches scoring itself counted per request.
     */
    public Mono<Breaches> breaches(String period) {
        List<String> months = LedgerService.months(period);
        return stageStats.months(months).flatMapIterable(m -> m.windows().values()).collectList()
                .flatMap(windows -> windows.isEmpty()
                        ? aggregates.forMonths(months, SubjectType.DEPARTMENT).collectList()
                                .map(departments -> new Breaches(period, "ledger", fromLedger(departments)))
                        : Mono.just(new Breaches(period, "stage-stats", fromStageStats(windows))));
    }

    private static List<StageCell> fromStageStats(List<StageWindow> windows) {
        String size = windows.stream().map(StageWindow::windowSize).max(Comparator.comparing(DashboardService::length))
                .orElseThrow();
        Map<String, long[]> cells = new TreeMap<>();
        windows.stream().filter(w -> w.windowSize().equals(size))
                .forEach(w -> count(cells, w.department(), w.stage(), w.breached(), w.met()));
        return cells(cells);
    }

    private static List<StageCell> fromLedger(List<PeriodAggregate> departments) {
        Map<String, long[]> cells = new TreeMap<>();
        departments.forEach(d -> d.requests().values().forEach(c -> {
            c.breached().forEach((stage, n) -> count(cells, d.subjectId(), stage, n, 0));
            c.met().forEach((stage, n) -> count(cells, d.subjectId(), stage, 0, n));
        }));
        return cells(cells);
    }

    private static void count(Map<String, long[]> cells, String department, String stage, long breached, long met) {
        long[] c = cells.computeIfAbsent(department + "|" + stage, k -> new long[2]);
        c[0] += breached;
        c[1] += met;
    }

    /** Open requests (real ones, or drills), overdue first, then by the nearest deadline. */
    public Flux<OpenView> open(boolean drill) {
        var now = clock.instant();
        return openWork.all().filter(o -> o.drill() == drill).map(o -> view(o, now))
                .sort(Comparator.comparing((OpenView v) -> !v.overdue()).thenComparing(OpenView::nextDeadline,
                        Comparator.nullsLast(Comparator.naturalOrder())));
    }

    private static OpenView view(OpenRequest o, Instant now) {
        var deadline = o.stages().values().stream().map(OpenStage::deadline)
                .min(Comparator.naturalOrder()).orElse(null);
        return new OpenView(o.id(), o.category(), o.department(), o.overdue(now), deadline, List.copyOf(o.stages().values()));
    }

    private static List<StageCell> cells(Map<String, long[]> cells) {
        List<StageCell> list = new ArrayList<>();
        cells.forEach((key, c) -> {
            String[] parts = key.split("\\|", 2);
            list.add(new StageCell(parts[0], parts[1], c[0], c[1]));
        });
        return list;
    }

    /** ISO-8601 durations compared roughly by their length; unknown sizes count as shortest. */
    private static long length(String isoDuration) {
        try {
            return isoDuration.startsWith("P") && isoDuration.contains("D") && !isoDuration.contains("T")
                    ? Period.parse(isoDuration).getDays() * 86_400L : Duration.parse(isoDuration).getSeconds();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
