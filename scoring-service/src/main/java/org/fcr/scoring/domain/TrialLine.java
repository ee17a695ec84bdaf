package org.fcr.scoring.domain;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of the trial-run report: stages met and breached (in all and per stage), the points and
 * fines the subject would have lost (entries that still count), every violation's count and the
 * most frequent ones.
 */
public record TrialLine(String subjectType, String subjectId, String subjectName, String department, int met,
                        int breached, Map<String, StageCount> stages, int points, int fineYuan, int entries,
                        Map<PenaltyRule, Integer> violations, List<RuleCount> topViolations) {

    public static final int TOP = 3;
    static final TrialLine ZERO = new TrialLine("SUM", "sum", "sum", null, 0, 0, Map.of(), 0, 0, 0, Map.of(), List.of());

    public record StageCount(int met, int breached) {
        StageCount plus(StageCount other) {
            return new StageCount(met + other.met, breached + other.breached);
        }
    }

    public record RuleCount(PenaltyRule rule, int count) {
    }

    public TrialLine {
        stages = Collections.unmodifiableMap(new TreeMap<>(stages));
        violations = violations.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(violations));
        topViolations = List.copyOf(topViolations);
    }

    public static TrialLine of(TrialSheet sheet) {
        Map<String, StageCount> stages = new TreeMap<>();
        sheet.stages().values().forEach(m -> stages.merge(m.stage(), new StageCount(m.met() ? 1 : 0, m.met() ? 0 : 1),
                StageCount::plus));
        List<EntrySummary> counting = sheet.entries().values().stream().filter(e -> e.status().counts()).toList();
        Map<PenaltyRule, Integer> violations = new EnumMap<>(PenaltyRule.class);
        counting.forEach(e -> violations.merge(e.rule(), 1, Integer::sum));
        TrialSubject s = sheet.subject();
        return new TrialLine(s.type(), s.id(), s.name(), s.department(),
                stages.values().stream().mapToInt(StageCount::met).sum(),
                stages.values().stream().mapToInt(StageCount::breached).sum(), stages,
                counting.stream().mapToInt(EntrySummary::points).sum(),
                counting.stream().mapToInt(EntrySummary::fineYuan).sum(), counting.size(), violations, top(violations));
    }

    /** Two lines summed figure by figure (to check that the departments add up to the site). */
    TrialLine plus(TrialLine other) {
        Map<String, StageCount> s = new TreeMap<>(stages);
        other.stages.forEach((stage, c) -> s.merge(stage, c, StageCount::plus));
        Map<PenaltyRule, Integer> v = new EnumMap<>(PenaltyRule.class);
        v.putAll(violations);
        other.violations.forEach((rule, n) -> v.merge(rule, n, Integer::sum));
        return new TrialLine(subjectType, subjectId, subjectName, department, met + other.met, breached + other.breached,
                s, points + other.points, fineYuan + other.fineYuan, entries + other.entries, v, top(v));
    }

    /** Most frequent first; a tie goes to the rule listed first in the rules table. */
    private static List<RuleCount> top(Map<PenaltyRule, Integer> violations) {
        return violations.entrySet().stream().map(e -> new RuleCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((RuleCount r) -> -r.count()).thenComparing(RuleCount::rule))
                .limit(TOP).toList();
    }
}
