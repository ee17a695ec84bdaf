package org.fcr.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.fcr.events.Category;
import org.fcr.events.RequestEventType;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.events.StageStats;
import org.fcr.sla.support.ConfiguredStandards;
import org.fcr.sla.support.Requests;
import org.fcr.sla.support.SlaDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The working-day rule through the topology, and the windowed stage statistics. */
class WorkingDayAndStatisticsTest {

    @TempDir
    Path stateDir;

    @Test
    void aTransferredRequestsReplyIsDueOneWorkingDayLaterAcrossTheWeekendAndQingming() {
        Instant fridayAfternoon = Instant.parse("2026-04-03T07:00:00Z");   // 15:00 in Shanghai
        try (SlaDriver sla = new SlaDriver(ConfiguredStandards.standards(), stateDir, fridayAfternoon)) {
            Requests request = Requests.of("R-reply", Category.SERVICE, RequestSize.SMALL, Scope.OUT_OF_SCOPE);
            sla.send(request.dispatched(sla.now()));
            Instant tuesday = Instant.parse("2026-04-07T07:00:00Z");        // 2.5 h Friday + 6 h Tuesday
            SlaEvent started = sla.eventsOf(request.id()).stream()
                    .filter(e -> e.getStage() == Stage.DEPARTMENT_REPLY).findFirst().orElseThrow();
            assertThat(started.getDeadline()).isEqualTo(tuesday);
            sla.advanceTo(tuesday);
            assertThat(replyEvents(sla, request)).doesNotContain(SlaEventKind.BREACHED);
            sla.advanceTo(tuesday.plusSeconds(1));
            assertThat(replyEvents(sla, request)).endsWith(SlaEventKind.BREACHED);
        }
    }

    private static java.util.List<SlaEventKind> replyEvents(SlaDriver sla, Requests request) {
        return sla.eventsOf(request.id()).stream().filter(e -> e.getStage() == Stage.DEPARTMENT_REPLY)
                .map(SlaEvent::getKind).toList();
    }

    @Test
    void finishedStagesAreCountedPerDepartmentCategoryAndStageWhenTheHourCloses() {
        try (SlaDriver sla = new SlaDriver(stateDir)) {                   // starts on the hour
            int[] minutes = {2, 4, 6, 3};                                  // organise: 5 minutes, so 6 is late
            for (int i = 0; i < minutes.length; i++) {
                Requests request = Requests.faultRepair("R-stat-" + i);
                Instant start = SlaDriver.START.plus(Duration.ofMinutes(10 * i));
                sla.send(request.acknowledged(start));
                sla.send(request.event(RequestEventType.ORGANISED, start.plus(Duration.ofMinutes(minutes[i]))));
            }
            assertThat(sla.stats()).isEmpty();                             // the hour is still open
            Requests later = Requests.faultRepair("R-stat-later");
            Instant afterGrace = SlaDriver.START.plus(Duration.ofMinutes(66));
            sla.send(later.accepted(afterGrace, afterGrace));
            StageStats organise = sla.stats().stream()
                    .filter(s -> s.getStage() == Stage.ORGANISE && s.getWindowSize().equals("PT1H"))
                    .findFirst().orElseThrow();
            assertThat(organise.getDepartment()).isEqualTo("engineering");
            assertThat(organise.getCategory()).isEqualTo(Category.FAULT_REPAIR);
            assertThat(organise.getWindowStart()).isEqualTo(SlaDriver.START);
            assertThat(organise.getWindowEnd()).isEqualTo(SlaDriver.START.plus(Duration.ofHours(1)));
            assertThat(new long[]{organise.getCount(), organise.getMet(), organise.getBreached()}).containsExactly(4, 3, 1);
            assertThat(organise.getP50Millis()).isEqualTo(Duration.ofMinutes(3).toMillis());
            assertThat(organise.getP90Millis()).isEqualTo(Duration.ofMinutes(6).toMillis());
            assertThat(organise.getMaxMillis()).isEqualTo(Duration.ofMinutes(6).toMillis());
        }
    }
}
