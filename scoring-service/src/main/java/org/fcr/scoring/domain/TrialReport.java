package org.fcr.scoring.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trial-run (模拟试运行) report of a period: the site's totals, then each department and each
 * person, worst first. Pure arithmetic over the period's drill sheets; nothing here counts for real.
 */
public record TrialReport(String period, TrialLine total, List<TrialLine> departments, List<TrialLine> people,
                          boolean addsUp) {

    /** Most points lost first, then the highest fines, then most breaches, then by id. */
    static final Comparator<TrialLine> WORST_FIRST = Comparator.comparingInt(TrialLine::points)
            .thenComparing(l -> -l.fineYuan()).thenComparing(l -> -l.breached()).thenComparing(TrialLine::subjectId);

    public static TrialReport of(String period, Collection<TrialSheet> monthlySheets) {
        Map<String, TrialSheet> merged = new LinkedHashMap<>();
        monthlySheets.forEach(s -> merged.merge(s.key(), s, TrialSheet::merge));
        TrialLine total = TrialLine.of(merged.getOrDefault(TrialSubject.SITE.type() + "|" + TrialSubject.SITE.id(),
                new TrialSheet(TrialSubject.SITE, Map.of(), Map.of())));
        List<TrialLine> departments = lines(merged.values(), SubjectType.DEPARTMENT);
        return new TrialReport(period, total, departments, lines(merged.values(), SubjectType.PERSON),
                addsUp(total, departments));
    }

    private static List<TrialLine> lines(Collection<TrialSheet> sheets, SubjectType type) {
        return sheets.stream().filter(s -> type.name().equals(s.subject().type())).map(TrialLine::of)
                .sorted(WORST_FIRST).toList();
    }

    /** The departments' stages (per stage), points, fines and violations (per rule) sum to the site's. */
    static boolean addsUp(TrialLine total, List<TrialLine> departments) {
        TrialLine sum = departments.stream().reduce(TrialLine.ZERO, TrialLine::plus);
        return sum.met() == total.met() && sum.breached() == total.breached() && sum.points() == total.points()
                && sum.fineYuan() == total.fineYuan() && sum.entries() == total.entries()
                && Objects.equals(sum.stages(), total.stages()) && Objects.equals(sum.violations(), total.violations());
    }
}
