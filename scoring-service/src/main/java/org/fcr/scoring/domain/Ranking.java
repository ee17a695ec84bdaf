package org.fcr.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The monthly ranking with its red and black lists (红黑榜): best composite first (then points);
 * subjects with no measurable rate rank after those with one. The black list never repeats a
 * name already on the red list; a short ranking is split between the two.
 */
public record Ranking(String period, SubjectType type, List<Assessment> ranked, List<Assessment> top,
                      List<Assessment> bottom) {

    public static final Comparator<Assessment> ORDER = Comparator
            .comparing((Assessment a) -> a.composite() == null ? 1 : 0)
            .thenComparing(a -> a.composite() == null ? 0 : -a.composite())
            .thenComparing(a -> -a.points())
            .thenComparing(Assessment::subjectId);

    public static Ranking of(String period, SubjectType type, List<Assessment> assessments, int size) {
        List<Assessment> ranked = new ArrayList<>(assessments);
        ranked.sort(ORDER);
        // with fewer than twice the list size, the subjects are split between the two lists
        List<Assessment> top = ranked.subList(0, Math.min(size, (ranked.size() + 1) / 2));
        int bottomSize = Math.min(size, ranked.size() - top.size());
        List<Assessment> bottom = new ArrayList<>(ranked.subList(ranked.size() - bottomSize, ranked.size()));
        java.util.Collections.reverse(bottom);
        return new Ranking(period, type, List.copyOf(ranked), List.copyOf(top), List.copyOf(bottom));
    }
}
