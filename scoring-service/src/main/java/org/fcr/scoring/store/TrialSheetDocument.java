package org.fcr.scoring.store;

import java.util.Map;

import org.fcr.scoring.domain.EntrySummary;
import org.fcr.scoring.domain.StageMark;
import org.fcr.scoring.domain.TrialSheet;
import org.fcr.scoring.domain.TrialSubject;

/** A {@link TrialSheet} as stored: keyed {@code period|TYPE|subjectId}, one per subject and month. */
public record TrialSheetDocument(String id, String period, String subjectType, String subjectId, String subjectName,
                                 String department, Map<String, StageMark> stages, Map<String, EntrySummary> entries) {

    static String idOf(String period, TrialSubject subject) {
        return Keys.safe(period + "|" + subject.type() + "|" + subject.id());
    }

    public TrialSheet sheet() {
        return new TrialSheet(new TrialSubject(subjectType, subjectId, subjectName == null ? subjectId : subjectName,
                department), stages, entries);
    }
}
