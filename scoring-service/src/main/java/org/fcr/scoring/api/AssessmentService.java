package org.fcr.scoring.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fcr.scoring.config.ScoringProperties;
import org.fcr.scoring.domain.Assessment;
import org.fcr.scoring.domain.Assessor;
import org.fcr.scoring.domain.ComplaintSummary;
import org.fcr.scoring.domain.Contribution;
import org.fcr.scoring.domain.EntrySummary;
import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.domain.Ranking;
import org.fcr.scoring.domain.Subject;
import org.fcr.scoring.domain.SubjectType;
import org.fcr.scoring.store.AggregateStore;
import org.fcr.scoring.store.PeriodAggregate;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assessments, rankings, the monthly summary and the trend, from the monthly aggregates (read by id). */
@Service
public class AssessmentService {

    private final AggregateStore aggregates;
    private final Assessor assessor;
    private final Periods periods;
    private final Clock clock;
    private final int rankingSize;

    public AssessmentService(AggregateStore aggregates, Assessor assessor, Periods periods, Clock clock,
                             ScoringProperties properties) {
        this.aggregates = aggregates;
        this.assessor = assessor;
        this.periods = periods;
        this.clock = clock;
        this.rankingSize = properties.rankingSize();
    }

    public String currentMonth() {
        return periods.currentMonth(clock.instant());
    }

    /** Every subject of a type over a period (months merged), best first. */
    public Mono<List<Assessment>> assessments(String period, SubjectType type) {
        return aggregates.forMonths(LedgerService.months(period), type)
                .collectMultimap(PeriodAggregate::subjectId)
                .map(bySubject -> {
                    List<Assessment> all = new ArrayList<>();
                    bySubject.forEach((id, months) -> all.add(assess(period, months)));
                    all.sort(Ranking.ORDER);
                    return all;
                });
    }

    public Mono<Ranking> ranking(String period, SubjectType type) {
        return assessments(period, type).map(all -> Ranking.of(period, type, all, rankingSize));
    }

    public Mono<ComplaintSummary> summary(String period) {
        return site(LedgerService.months(period))
                .map(months -> ComplaintSummary.of(period, requests(months), entries(months)));
    }

    /** The site's three rates (and composite) for each of the last {@code count} months up to {@code month}. */
    public Flux<Assessment> trend(String month, int count) {
        return Flux.fromIterable(Periods.lastMonths(month, count))
                .concatMap(m -> aggregates.find(m, PeriodAggregate.ALL, "all")
                        .map(a -> assessor.assess(m, new Subject(SubjectType.DEPARTMENT, "all", "全部", null),
                                a.requests().values(), a.entries().values())));
    }

    private Mono<List<PeriodAggregate>> site(List<String> months) {
        return Flux.fromIterable(months).concatMap(m -> aggregates.find(m, PeriodAggregate.ALL, "all")).collectList();
    }

    private Assessment assess(String period, Collection<PeriodAggregate> months) {
        PeriodAggregate latest = months.stream().max(Comparator.comparing(PeriodAggregate::period)).orElseThrow();
        return assessor.assess(period, latest.subject(), requests(months), entries(months));
    }

    /** A request counted in several months (it cannot be, but a replay could race) counts once. */
    private static Collection<Contribution> requests(Collection<PeriodAggregate> months) {
        Map<String, Contribution> merged = new TreeMap<>();
        months.forEach(m -> merged.putAll(m.requests()));
        return merged.values();
    }

    private static Collection<EntrySummary> entries(Collection<PeriodAggregate> months) {
        Map<String, EntrySummary> merged = new LinkedHashMap<>();
        months.forEach(m -> merged.putAll(m.entries()));
        return merged.values();
    }
}
