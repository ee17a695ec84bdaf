package org.fcr.scoring.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One subject's drill figures in one month: stage outcomes under their SLA event id and entries
 * under their entry id, so recording either again (a replay, an appeal step) replaces, never adds.
 */
public record TrialSheet(TrialSubject subject, Map<String, StageMark> stages, Map<String, EntrySummary> entries) {

    public TrialSheet {
        stages = stages == null ? Map.of() : Map.copyOf(stages);
        entries = entries == null ? Map.of() : Map.copyOf(entries);
    }

    /** The same subject over two months: the union (an id in both counts once). */
    public TrialSheet merge(TrialSheet other) {
        Map<String, StageMark> s = new LinkedHashMap<>(stages);
        s.putAll(other.stages);
        Map<String, EntrySummary> e = new LinkedHashMap<>(entries);
        e.putAll(other.entries);
        return new TrialSheet(subject, s, e);
    }

    public String key() {
        return subject.type() + "|" + subject.id();
    }
}
