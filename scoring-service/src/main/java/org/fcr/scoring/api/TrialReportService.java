package org.fcr.scoring.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fcr.scoring.domain.LedgerEntry;
import org.fcr.scoring.domain.SubjectType;
import org.fcr.scoring.domain.TrialLine;
import org.fcr.scoring.domain.TrialReport;
import org.fcr.scoring.domain.TrialSheet;
import org.fcr.scoring.domain.TrialSubject;
import org.fcr.scoring.store.LedgerStore;
import org.fcr.scoring.store.TrialStore;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The trial-run views: the report, the drill ledger and the drill's breaches, all from the trial sheets. */
@Service
public class TrialReportService {

    private final TrialStore trial;
    private final LedgerStore ledger;

    public TrialReportService(TrialStore trial, LedgerStore ledger) {
        this.trial = trial;
        this.ledger = ledger;
    }

    public Mono<TrialReport> report(String period) {
        return trial.forMonths(LedgerService.months(period)).collectList().map(sheets -> TrialReport.of(period, sheets));
    }

    /** The dashboard's breach chart, filtered to drills: each department's stages met and breached. */
    public Mono<DashboardService.Breaches> breaches(String period) {
        return report(period).map(report -> new DashboardService.Breaches(period, "drill", report.departments().stream()
                .flatMap(d -> d.stages().entrySet().stream().map(s -> cell(d, s.getKey(), s.getValue())))
                .toList()));
    }

    /** Drill entries of the site, or of one person or department (its staff's included), over a period. */
    public Flux<LedgerEntry> ledger(String period, String subjectId) {
        List<String> months = LedgerService.months(period);
        Flux<TrialSheet> sheets = subjectId == null
                ? trial.forSubject(months, TrialSubject.ALL, TrialSubject.SITE.id())
                : Flux.concat(trial.forSubject(months, SubjectType.PERSON.name(), subjectId),
                        trial.forSubject(months, SubjectType.DEPARTMENT.name(), subjectId));
        return sheets.flatMapIterable(sheet -> sheet.entries().keySet())
                .collect(LinkedHashSet<String>::new, Set::add)
                .flatMapMany(ids -> ledger.findAll(ids, true));
    }

    private static DashboardService.StageCell cell(TrialLine department, String stage, TrialLine.StageCount count) {
        return new DashboardService.StageCell(department.subjectId(), stage, count.breached(), count.met());
    }
}
