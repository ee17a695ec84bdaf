package org.fcr.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.fcr.events.Category;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.Stage;
import org.fcr.sla.domain.Alarm;
import org.fcr.sla.domain.ClockKind;
import org.fcr.sla.domain.OpenStage;
import org.fcr.sla.domain.Person;
import org.fcr.sla.domain.RequestClock;
import org.fcr.sla.domain.RequestFacts;
import org.fcr.sla.domain.StageAlarms;
import org.junit.jupiter.api.Test;

/** The state store formats: the deadline index sorts by time, the request clock survives a round trip. */
class StateFormatTest {

    @Test
    void deadlineKeysSortByTimeWhateverTheRequestId() {
        List<Bytes> keys = new ArrayList<>(List.of(
                new DeadlineKey(2_000, "A", Stage.ACCEPT).toBytes(),
                new DeadlineKey(1_000, "ZZZZ-long-id", Stage.REPORT_BACK).toBytes(),
                new DeadlineKey(1_000, "B", Stage.ACCEPT).toBytes(),
                new DeadlineKey(256, "Y", Stage.ON_SITE).toBytes(),
                new DeadlineKey(1L << 40, "C", Stage.ACCEPT).toBytes()));
        keys.sort(null); // Bytes order is unsigned lexicographic, as in RocksDB
        assertThat(keys).extracting(k -> DeadlineKey.from(k).dueMillis()).containsExactly(256L, 1_000L, 1_000L, 2_000L, 1L << 40);
        assertThat(DeadlineKey.from(keys.get(1))).isEqualTo(new DeadlineKey(1_000, "B", Stage.ACCEPT));
        assertThat(DeadlineKey.bound(1_001).compareTo(keys.get(2))).isPositive();
        assertThat(DeadlineKey.bound(1_000).compareTo(keys.get(1))).isNegative();
    }

    @Test
    void aRequestWithAPipeInItsIdStillParses() {
        DeadlineKey key = new DeadlineKey(5, "odd|id", Stage.DEPARTMENT_REPLY);
        assertThat(DeadlineKey.from(key.toBytes())).isEqualTo(key);
    }

    @Test
    void aRequestClockSurvivesTheStore() {
        Instant t = Instant.parse("2026-03-02T01:00:00Z");
        OpenStage paused = new OpenStage(Stage.ORGANISE, 2, t, 1_200_000, ClockKind.CLOCK, "R-1-4",
                new StageAlarms(t.plusSeconds(960), t.plusSeconds(1200), t.plusSeconds(2400), null), Alarm.BREACH,
                t.plusSeconds(300), 60_000, false);
        OpenStage reply = new OpenStage(Stage.DEPARTMENT_REPLY, 2, t, 30_600_000, ClockKind.WORKING, null,
                new StageAlarms(t, t.plusSeconds(10), null, null), Alarm.NONE, null, 0, true);
        RequestClock clock = new RequestClock("R-1", 7, 2, 0b1011,
                new RequestFacts(Category.SERVICE, "保洁", RequestSize.LARGE, Scope.OUT_OF_SCOPE), true, "cleaning",
                new Person("clean01", "黄敏", "cleaning", "DEPARTMENT", 1), new Person("desk01", "王芳", null, null, 2),
                "cleaning", List.of(paused, reply));
        RequestClockSerde serde = new RequestClockSerde();
        RequestClock back = serde.deserialize("t", serde.serialize("t", clock));
        assertThat(back).usingRecursiveComparison().isEqualTo(clock);
    }
}
