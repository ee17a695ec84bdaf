package org.fcr.scoring.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Turns a period's contributions and entries into an {@link Assessment}. */
public class Assessor {

    private final Weights weights;

    public Assessor(Weights weights) {
        this.weights = weights;
    }

    public Assessment assess(String period, Subject subject, Collection<Contribution> requests,
                             Collection<EntrySummary> entries) {
        int dispatched = 0, acknowledged = 0, returned = 0, revisits = 0, solved = 0, escalations = 0;
        int satisfied = 0, basically = 0, unsatisfied = 0;
        Map<String, int[]> stages = new TreeMap<>();
        for (Contribution c : requests) {
            dispatched += c.dispatched() ? 1 : 0;
            acknowledged += c.dispatched() && c.acknowledged() ? 1 : 0;
            returned += c.dispatched() && c.returned() ? 1 : 0;
            escalations += c.escalations();
            if (c.solved() != null) {
                revisits++;
                solved += c.solved() ? 1 : 0;
            }
            if (c.satisfaction() != null) {
                switch (c.satisfaction()) {
                    case "SATISFIED" -> satisfied++;
                    case "BASICALLY_SATISFIED" -> basically++;
                    case "NOT_SATISFIED" -> unsatisfied++;
                    default -> { /* not a valid return visit */ }
                }
            }
            c.met().forEach((stage, n) -> stages.computeIfAbsent(stage, s -> new int[2])[0] += n);
            c.breached().forEach((stage, n) -> stages.computeIfAbsent(stage, s -> new int[2])[1] += n);
        }
        int deductions = 0, fines = 0, counted = 0, repeats = 0;
        for (EntrySummary e : entries) {
            if (!e.status().counts()) {
                continue;
            }
            counted++;
            deductions += e.points();
            fines += e.fineYuan();
            repeats += e.rule() == PenaltyRule.REPEAT_COMPLAINT ? 1 : 0;
        }
        Map<String, Double> onTime = new HashMap<>();
        stages.forEach((stage, n) -> onTime.put(stage, ratio(n[0], n[0] + n[1])));
        int valid = satisfied + basically + unsatisfied;
        Double response = ratio(acknowledged, dispatched);
        Double resolution = ratio(solved, revisits);
        Double satisfaction = valid == 0 ? null : (satisfied + weights.basicallySatisfied() * basically) / valid;
        return new Assessment(period, subject.type(), subject.id(), subject.name(), subject.department(),
                requests.size(), weights.basePoints(), deductions, weights.basePoints() + deductions, fines, counted,
                response, onTime, resolution, satisfaction, valid, ratio(repeats, requests.size()), repeats,
                ratio(returned, dispatched), escalations, composite(response, resolution, satisfaction));
    }

    /** Weighted over the rates that could be measured, renormalised so a missing rate is not a zero. */
    Double composite(Double response, Double resolution, Double satisfaction) {
        double sum = 0, weight = 0;
        if (response != null) { sum += weights.response() * response; weight += weights.response(); }
        if (resolution != null) { sum += weights.resolution() * resolution; weight += weights.resolution(); }
        if (satisfaction != null) { sum += weights.satisfaction() * satisfaction; weight += weights.satisfaction(); }
        return weight == 0 ? null : Math.round(sum / weight * 10000) / 100.0;
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
