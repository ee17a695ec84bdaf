package org.fcr.scoring.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fcr.scoring.domain.Contribution;
import org.fcr.scoring.domain.EntrySummary;
import org.fcr.scoring.domain.Subject;
import org.fcr.scoring.domain.SubjectType;

/**
 * One subject's month, or one hour of it ({@code period|TYPE|subjectId|hour}, see AggregateStore): each request's contribution under its
 * request id and each entry's summary under its entry id, so every write is an idempotent $set.
 * The pseudo-subject {@code ALL|all} holds the whole site (trend and monthly summary).
 */
public record PeriodAggregate(String id, String period, String subjectType, String subjectId, String subjectName,
                              String department, Map<String, Contribution> requests, Map<String, EntrySummary> entries) {

    public static final String ALL = "ALL";

    public PeriodAggregate {
        requests = requests == null ? Map.of() : requests;
        entries = entries == null ? Map.of() : entries;
    }

    public static String idOf(String period, String type, String subjectId) {
        return Keys.safe(period + "|" + type + "|" + subjectId);
    }

    public boolean isSite() {
        return ALL.equals(subjectType);
    }

    public Subject subject() {
        SubjectType type = SubjectType.valueOf(subjectType);
        return new Subject(type, subjectId, subjectName == null ? subjectId : subjectName, department);
    }

    /** Parts of one subject's month (its hours), later parts winning for a request or entry found in two. */
    public static PeriodAggregate merge(List<PeriodAggregate> parts) {
        Map<String, Contribution> requests = new LinkedHashMap<>();
        Map<String, EntrySummary> entries = new LinkedHashMap<>();
        parts.forEach(part -> {
            requests.putAll(part.requests());
            entries.putAll(part.entries());
        });
        PeriodAggregate last = parts.get(parts.size() - 1);
        return new PeriodAggregate(last.id(), last.period(), last.subjectType(), last.subjectId(), last.subjectName(),
                last.department(), requests, entries);
    }

    public static PeriodAggregate empty(String period, String type, String subjectId) {
        return new PeriodAggregate(idOf(period, type, subjectId), period, type, subjectId, subjectId, null, Map.of(), Map.of());
    }
}
