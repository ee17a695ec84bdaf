package org.fcr.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** 红黑榜: best five and worst five, never the same name on both. */
class RankingTest {

    static Assessment of(String id, Double composite, int points) {
        return new Assessment("2026-11", SubjectType.PERSON, id, id, null, 1, 100, points - 100, points, 0, 0, null,
                Map.of(), null, null, 0, null, 0, null, 0, composite);
    }

    @Test
    void topAndBottomFiveByCompositeThenPoints() {
        List<Assessment> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(of("p" + i, 50.0 + i, 100));
        }
        all.add(of("unmeasured", null, 100));
        all.add(of("tie-lower-points", 61.0, 90));
        Ranking ranking = Ranking.of("2026-11", SubjectType.PERSON, all, 5);
        assertThat(ranking.top()).extracting(Assessment::subjectId).containsExactly("p11", "tie-lower-points", "p10", "p9", "p8");
        assertThat(ranking.bottom()).extracting(Assessment::subjectId)
                .containsExactly("unmeasured", "p0", "p1", "p2", "p3");
    }

    @Test
    void fewSubjectsAreNotListedTwice() {
        Ranking ranking = Ranking.of("2026-11", SubjectType.DEPARTMENT,
                List.of(of("a", 90.0, 100), of("b", 80.0, 100), of("c", 70.0, 100), of("d", 60.0, 100),
                        of("e", 50.0, 100), of("f", 40.0, 100), of("g", 30.0, 100)), 5);
        assertThat(ranking.top()).extracting(Assessment::subjectId).containsExactly("a", "b", "c", "d");
        assertThat(ranking.bottom()).extracting(Assessment::subjectId).containsExactly("g", "f", "e");
    }
}
