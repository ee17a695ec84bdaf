package org.fcr.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fcr.events.Category;
import org.fcr.events.EscalationLevel;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.schemas.Topics;
import org.fcr.sla.support.ConfiguredStandards;
import org.fcr.sla.support.Requests;
import org.fcr.sla.support.SlaDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clocks on the wall clock: reminders, breaches, escalation, pause, re-routing, reopening. */
class StageClockBehaviourTest {

    @TempDir
    Path stateDir;
    private SlaDriver sla;

    @BeforeEach
    void start() {
        sla = new SlaDriver(stateDir);
    }

    @AfterEach
    void stop() {
        sla.close();
    }

    private static Duration min(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    private List<SlaEventKind> kindsOf(Requests request, Stage stage) {
        return sla.eventsOf(request.id()).stream().filter(e -> e.getStage() == stage).map(SlaEvent::getKind).toList();
    }

    @Test
    void reminderAtEightyPercentBreachAtTheDeadlineThenSupervisorThenOfficeManager() {
        Requests request = Requests.faultRepair("R-escalate");
        sla.send(request.acknowledged(sla.at(Duration.ZERO)));   // organise: 5 minutes
        sla.at(min(4).minusSeconds(1));
        assertThat(kindsOf(request, Stage.ORGANISE)).containsExactly(SlaEventKind.STARTED);
        sla.at(min(4));
        assertThat(kindsOf(request, Stage.ORGANISE)).containsExactly(SlaEventKind.STARTED, SlaEventKind.REMINDER);
        sla.at(min(5));
        assertThat(kindsOf(request, Stage.ORGANISE)).hasSize(2);
        sla.at(min(5).plusSeconds(1));
        sla.at(min(10).minusSeconds(1));
        assertThat(kindsOf(request, Stage.ORGANISE)).endsWith(SlaEventKind.BREACHED);
        sla.at(min(10));
        sla.at(min(15));
        sla.at(min(60));
        List<SlaEvent> organise = sla.eventsOf(request.id()).stream().filter(e -> e.getStage() == Stage.ORGANISE).toList();
        assertThat(organise).extracting(SlaEvent::getKind, SlaEvent::getEscalationLevel).containsExactly(
                tuple(SlaEventKind.STARTED, null), tuple(SlaEventKind.REMINDER, null), tuple(SlaEventKind.BREACHED, null),
                tuple(SlaEventKind.ESCALATED, EscalationLevel.SUPERVISOR),
                tuple(SlaEventKind.ESCALATED, EscalationLevel.OFFICE_MANAGER));
        SlaEvent breach = organise.get(2);
        assertThat(breach.getEventId()).isEqualTo("R-escalate-ORGANISE-1-BREACHED");
        assertThat(breach.getOccurredAt()).isEqualTo(SlaDriver.START.plus(min(5)).plusSeconds(1));
        assertThat(breach.getResponsible().getEmployeeId()).isEqualTo("eng01");
        assertThat(breach.getDepartment()).isEqualTo("engineering");
        assertThat(organise.get(4).getEventId()).isEqualTo("R-escalate-ORGANISE-1-ESCALATED-OFFICE_MANAGER");

        // done at last: the breach stands, no MET; the next stage starts
        sla.send(request.event(RequestEventType.ORGANISED, sla.at(min(61))));
        assertThat(kindsOf(request, Stage.ORGANISE)).doesNotContain(SlaEventKind.MET);
        assertThat(kindsOf(request, Stage.ON_SITE)).containsExactly(SlaEventKind.STARTED);
    }

    @Test
    void anAccidentsCompletionWarnsAtTenMinutesAndBreachesAtThirty() {
        Requests request = Requests.of("R-accident", Category.ACCIDENT, RequestSize.SMALL, Scope.IN_SCOPE);
        sla.send(request.event(RequestEventType.ON_SITE, sla.at(Duration.ZERO)));
        sla.at(min(10));
        assertThat(kindsOf(request, Stage.COMPLETE)).containsExactly(SlaEventKind.STARTED, SlaEventKind.REMINDER);
        sla.at(min(30).plusSeconds(1));
        assertThat(kindsOf(request, Stage.COMPLETE)).containsExactly(SlaEventKind.STARTED, SlaEventKind.REMINDER,
                SlaEventKind.BREACHED);
    }

    @Test
    void anOutOfScopeRequestIsTransferredWithinSixtyMinutes() {
        Requests request = Requests.of("R-transfer", Category.FAULT_REPAIR, RequestSize.SMALL, Scope.OUT_OF_SCOPE);
        sla.send(request.accepted(sla.now(), sla.now()));
        SlaEvent started = sla.eventsOf(request.id()).stream().filter(e -> e.getStage() == Stage.TRANSFER).findFirst().orElseThrow();
        assertThat(started.getDeadline()).isEqualTo(SlaDriver.START.plus(min(60)));
        assertThat(kindsOf(request, Stage.DISPATCH)).isEmpty();
        sla.at(min(60));
        assertThat(kindsOf(request, Stage.TRANSFER)).doesNotContain(SlaEventKind.BREACHED);
        sla.at(min(60).plusSeconds(1));
        assertThat(kindsOf(request, Stage.TRANSFER)).endsWith(SlaEventKind.BREACHED);
    }

    @Test
    void aPaidServiceWaitingForConsentStopsTheClockAndKeepsThePausedTime() {
        Requests request = Requests.of("R-paid", Category.SERVICE, RequestSize.SMALL, Scope.OUT_OF_SCOPE);
        sla.send(request.acknowledged(sla.at(Duration.ZERO)));                    // organise: 20 minutes
        sla.send(request.event(RequestEventType.QUOTED, sla.at(min(5))));
        sla.at(min(64));
        assertThat(kindsOf(request, Stage.ORGANISE)).containsExactly(SlaEventKind.STARTED, SlaEventKind.PAUSED);
        sla.send(request.event(RequestEventType.CONSENT_GIVEN, sla.at(min(65))));
        SlaEvent resumed = sla.eventsOf(request.id()).stream().filter(e -> e.getKind() == SlaEventKind.RESUMED).findFirst().orElseThrow();
        assertThat(resumed.getPausedMillis()).isEqualTo(min(60).toMillis());
        assertThat(resumed.getDeadline()).isEqualTo(SlaDriver.START.plus(min(80)));
        sla.at(min(76));                                                          // 16 of 20 working minutes
        assertThat(kindsOf(request, Stage.ORGANISE)).endsWith(SlaEventKind.REMINDER);
        sla.send(request.event(RequestEventType.ORGANISED, sla.at(min(80))));
        SlaEvent met = sla.eventsOf(request.id()).stream().filter(e -> e.getKind() == SlaEventKind.MET).findFirst().orElseThrow();
        assertThat(met.getDurationMillis()).isEqualTo(min(20).toMillis());
        assertThat(met.getPausedMillis()).isEqualTo(min(60).toMillis());
    }

    @Test
    void aReturnedTicketStopsTheDepartmentsClockRedispatchesAndKeepsTheOldBreach() {
        Requests request = Requests.faultRepair("R-return");
        sla.send(request.dispatched(sla.at(Duration.ZERO)));                      // acknowledge: 5 minutes
        sla.at(min(6));
        sla.send(request.event(RequestEventType.RETURNED, sla.at(min(7))));
        sla.send(request.dispatched(sla.at(min(8))));
        assertThat(sla.eventsOf(request.id())).extracting(SlaEvent::getEventId).containsExactly(
                // the reminder, past due only after the deadline, is not told: the breach says more
                "R-return-ACKNOWLEDGE-1-STARTED", "R-return-ACKNOWLEDGE-1-BREACHED",
                "R-return-ACKNOWLEDGE-1-CANCELLED", "R-return-DISPATCH-2-STARTED", "R-return-DISPATCH-2-MET",
                "R-return-ACKNOWLEDGE-2-STARTED");
    }

    @Test
    void aReopenedRequestStartsFreshClocksWhileTheOldBreachStaysOnRecord() {
        Requests request = Requests.faultRepair("R-reopen");
        sla.send(request.event(RequestEventType.COMPLETED, sla.at(Duration.ZERO)));  // report back: 5 minutes
        sla.send(request.event(RequestEventType.REPORTED_BACK, sla.at(min(6))));    // late
        sla.send(request.event(RequestEventType.REVISITED, sla.at(min(30))));
        sla.send(request.event(RequestEventType.REOPENED, sla.at(min(31))));
        sla.send(request.dispatched(sla.at(min(33))));
        assertThat(sla.eventsOf(request.id())).extracting(SlaEvent::getEventId).containsExactly(
                "R-reopen-REPORT_BACK-1-STARTED", "R-reopen-REPORT_BACK-1-BREACHED", "R-reopen-REVISIT-1-STARTED",
                "R-reopen-REVISIT-1-MET", "R-reopen-DISPATCH-2-STARTED", "R-reopen-DISPATCH-2-MET",
                "R-reopen-ACKNOWLEDGE-2-STARTED");
    }

    @Test
    void aReplayedEventChangesNothing() {
        Requests request = Requests.faultRepair("R-replay");
        RequestEvent accepted = request.accepted(sla.now().minus(min(10)), sla.now());
        sla.send(accepted);
        int before = sla.eventsOf(request.id()).size();
        sla.send(accepted);
        assertThat(sla.eventsOf(request.id())).hasSize(before);
    }

    @Test
    void skippedStepsEndEveryEarlierStageOfTheChain() {
        Requests request = Requests.faultRepair("R-skip");
        sla.send(request.acknowledged(sla.at(Duration.ZERO)));
        sla.send(request.event(RequestEventType.COMPLETED, sla.at(min(3))));
        assertThat(sla.eventsOf(request.id())).extracting(SlaEvent::getStage, SlaEvent::getKind).containsExactly(
                tuple(Stage.ORGANISE, SlaEventKind.STARTED), tuple(Stage.ORGANISE, SlaEventKind.MET),
                tuple(Stage.REPORT_BACK, SlaEventKind.STARTED));
    }

    @Test
    void drillRequestsAreMarkedOnEveryEvent() {
        Requests request = Requests.faultRepair("R-drill").drill();
        sla.send(request.accepted(sla.now().minus(min(10)), sla.now()));
        assertThat(sla.eventsOf(request.id())).isNotEmpty().allMatch(SlaEvent::getDrill);
    }

    @Test
    void aBacklogDrainsOverSeveralTicksAtMostTheCapEach() {
        try (SlaDriver capped = new SlaDriver(ConfiguredStandards.standards(), SlaDriver.settings(2),
                stateDir.resolve("capped"), SlaDriver.START)) {
            for (int i = 0; i < 5; i++) {
                capped.send(Requests.faultRepair("R-cap-" + i).dispatched(capped.now()));
            }
            capped.at(min(9));                    // five breaches due: two per tick
            assertThat(breaches(capped)).isEqualTo(2);
            capped.at(min(9).plusMillis(250));
            assertThat(breaches(capped)).isEqualTo(4);
            capped.at(min(9).plusMillis(500));
            assertThat(breaches(capped)).isEqualTo(5);
        }
    }

    private static long breaches(SlaDriver driver) {
        return driver.events().stream().filter(e -> e.getKind() == SlaEventKind.BREACHED).count();
    }

    /** The dead letter itself is checked on the real broker (SlaMonitorServiceTest); the driver does not capture it. */
    @Test
    void anUndecodableRequestEventIsSkippedAndProcessingGoesOn() {
        var raw = sla.driver().createInputTopic(Topics.REQUESTS.name(), new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput("R-poison", new byte[]{1, 2, 3});
        Requests request = Requests.faultRepair("R-after-poison");
        sla.send(request.accepted(sla.now(), sla.now()));
        assertThat(kindsOf(request, Stage.ACCEPT)).containsExactly(SlaEventKind.STARTED, SlaEventKind.MET);
    }

    @Test
    void theSpeedUpDividesEveryStandard() {
        try (SlaDriver fast = new SlaDriver(ConfiguredStandards.standards(1000), stateDir.resolve("fast"), SlaDriver.START)) {
            Requests request = Requests.faultRepair("R-fast");
            fast.send(request.dispatched(fast.now()));                     // acknowledge: 5 minutes / 1000 = 300 ms
            fast.at(Duration.ofMillis(250));
            fast.at(Duration.ofMillis(500));
            assertThat(fast.eventsOf(request.id())).extracting(SlaEvent::getKind)
                    .containsExactly(SlaEventKind.STARTED, SlaEventKind.REMINDER, SlaEventKind.BREACHED);
        }
    }

    @Test
    void breachLagStaysWithinOneTick() {
        Requests request = Requests.faultRepair("R-lag");
        sla.send(request.dispatched(sla.now()));
        Instant deadline = SlaDriver.START.plus(min(5));
        for (Duration step = min(5).minusSeconds(2); step.compareTo(min(5).plusSeconds(2)) < 0; step = step.plusMillis(250)) {
            sla.at(step);
        }
        SlaEvent breach = sla.eventsOf(request.id()).stream().filter(e -> e.getKind() == SlaEventKind.BREACHED).findFirst().orElseThrow();
        assertThat(Duration.between(deadline, breach.getOccurredAt())).isBetween(Duration.ofMillis(1), Duration.ofMillis(250));
    }
}
