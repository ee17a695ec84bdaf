package org.fcr.scoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Whom a drill figure counts for: the whole site ({@code ALL}), one department, one person. Every
 * stage outcome and every entry counts for the site and for exactly one department (its staff's
 * included, {@link #UNASSIGNED} when none is known), so the departments always add up to the site.
 */
public record TrialSubject(String type, String id, String name, String department) {

    public static final String ALL = "ALL";
    public static final String UNASSIGNED = "unassigned";
    public static final TrialSubject SITE = new TrialSubject(ALL, "all", "全部", null);

    public static List<TrialSubject> of(StageOutcome outcome) {
        return of(outcome.department(), outcome.person());
    }

    public static List<TrialSubject> of(LedgerEntry entry) {
        String department = entry.department() == null || entry.department().isBlank() ? TrialSubject.UNASSIGNED
                : entry.department();
        Person person = entry.subjectType() == SubjectType.PERSON
                ? new Person(entry.subjectId(), entry.subjectName(), entry.department()) : null;
        return of(department, person);
    }

    private static List<TrialSubject> of(String department, Person person) {
        List<TrialSubject> subjects = new ArrayList<>(3);
        subjects.add(SITE);
        subjects.add(new TrialSubject(SubjectType.DEPARTMENT.name(), department, department, department));
        if (person != null) {
            subjects.add(new TrialSubject(SubjectType.PERSON.name(), person.id(),
                    person.name() == null ? person.id() : person.name(), person.department()));
        }
        return subjects;
    }
}
