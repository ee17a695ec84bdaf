package org.fcr.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.fcr.events.Category;
import org.fcr.events.RequestEventType;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.sla.support.Requests;
import org.fcr.sla.support.SlaDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the SPEC §5 time-standard table, as shipped in application.yml, through the whole
 * topology: a stage done exactly at its standard is MET, one second later it is BREACHED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeStandardTableTest {

    private static final Category FAULT = Category.FAULT_REPAIR;
    private static final RequestSize S = RequestSize.SMALL;
    private static final RequestSize L = RequestSize.LARGE;
    private static final Scope IN = Scope.IN_SCOPE;
    private static final Scope OUT = Scope.OUT_OF_SCOPE;

    record Cell(Category category, RequestSize size, Scope scope, Stage stage, int minutes) {
        @Override
        public String toString() {
            return category + " " + size + " " + scope + " " + stage + " " + minutes + " min";
        }
    }

    static List<Cell> table() {
        return List.of(
                new Cell(FAULT, S, IN, Stage.ACCEPT, 5), new Cell(FAULT, S, IN, Stage.ORGANISE, 5),
                new Cell(FAULT, S, IN, Stage.ON_SITE, 10), new Cell(FAULT, S, IN, Stage.COMPLETE, 30),
                new Cell(FAULT, L, IN, Stage.COMPLETE, 60), new Cell(FAULT, S, IN, Stage.REPORT_BACK, 5),
                new Cell(Category.ACCIDENT, S, IN, Stage.ACCEPT, 2), new Cell(Category.ACCIDENT, S, IN, Stage.ORGANISE, 3),
                new Cell(Category.ACCIDENT, S, IN, Stage.ON_SITE, 5), new Cell(Category.ACCIDENT, S, IN, Stage.COMPLETE, 30),
                new Cell(Category.ACCIDENT, S, IN, Stage.REPORT_BACK, 5),
                new Cell(Category.SERVICE, S, IN, Stage.ACCEPT, 2), new Cell(Category.SERVICE, S, IN, Stage.ORGANISE, 5),
                new Cell(Category.SERVICE, S, IN, Stage.ON_SITE, 10), new Cell(Category.SERVICE, S, IN, Stage.COMPLETE, 10),
                new Cell(Category.SERVICE, L, IN, Stage.COMPLETE, 40), new Cell(Category.SERVICE, S, IN, Stage.REPORT_BACK, 5),
                new Cell(Category.SERVICE, S, OUT, Stage.ACCEPT, 2), new Cell(Category.SERVICE, S, OUT, Stage.ORGANISE, 20),
                new Cell(Category.SERVICE, S, OUT, Stage.ON_SITE, 40), new Cell(Category.SERVICE, S, OUT, Stage.COMPLETE, 10),
                new Cell(Category.SERVICE, L, OUT, Stage.COMPLETE, 40), new Cell(Category.SERVICE, S, OUT, Stage.REPORT_BACK, 5),
                new Cell(Category.COMPLAINT, S, IN, Stage.ACCEPT, 2), new Cell(Category.COMPLAINT, S, IN, Stage.ORGANISE, 5),
                new Cell(Category.COMPLAINT, S, IN, Stage.ON_SITE, 5), new Cell(Category.COMPLAINT, S, IN, Stage.COMPLETE, 30),
                new Cell(Category.COMPLAINT, S, IN, Stage.REPORT_BACK, 5),
                new Cell(Category.INFO_RELAY, S, IN, Stage.ACCEPT, 1), new Cell(Category.INFO_RELAY, S, IN, Stage.ORGANISE, 3),
                new Cell(Category.INFO_RELAY, S, IN, Stage.ON_SITE, 5), new Cell(Category.INFO_RELAY, S, IN, Stage.COMPLETE, 5),
                new Cell(Category.INFO_RELAY, S, IN, Stage.REPORT_BACK, 5),
                new Cell(Category.ANOMALY_REPORT, S, IN, Stage.ACCEPT, 1), new Cell(Category.ANOMALY_REPORT, S, IN, Stage.ORGANISE, 3),
                new Cell(Category.ANOMALY_REPORT, S, IN, Stage.ON_SITE, 5), new Cell(Category.ANOMALY_REPORT, S, IN, Stage.COMPLETE, 5),
                new Cell(Category.ANOMALY_REPORT, S, IN, Stage.REPORT_BACK, 5),
                // beside the table: dispatch at once, an out-of-scope transfer within 60 minutes, acknowledge at once
                new Cell(FAULT, S, IN, Stage.DISPATCH, 5), new Cell(FAULT, S, OUT, Stage.TRANSFER, 60),
                new Cell(Category.SERVICE, L, OUT, Stage.TRANSFER, 60), new Cell(Category.COMPLAINT, S, IN, Stage.ACKNOWLEDGE, 5));
    }

    static Stream<Arguments> cases() {
        return table().stream().flatMap(cell -> Stream.of(
                Arguments.of(cell, Duration.ofMinutes(cell.minutes()), SlaEventKind.MET),
                Arguments.of(cell, Duration.ofMinutes(cell.minutes()).plusSeconds(1), SlaEventKind.BREACHED)));
    }

    @TempDir
    static Path stateDir;
    private SlaDriver sla;
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    void start() {
        sla = new SlaDriver(stateDir);
    }

    @AfterAll
    void stop() {
        sla.close();
    }

    @ParameterizedTest(name = "{0}, done after {1} → {2}")
    @MethodSource("cases")
    void aStageDoneJustInTimeIsMetAndOneSecondLateIsBreached(Cell cell, Duration took, SlaEventKind expected) {
        Requests request = Requests.of("T-" + ids.incrementAndGet(), cell.category(), cell.size(), cell.scope());
        Instant start = SlaDriver.START.plus(Duration.ofMinutes(1));
        Instant end = start.plus(took);
        switch (cell.stage()) {
            case ACCEPT -> sla.send(request.accepted(start, end));
            case DISPATCH, TRANSFER -> {
                sla.send(request.accepted(start, start));
                sla.send(request.dispatched(end));
            }
            case ACKNOWLEDGE -> {
                sla.send(request.dispatched(start));
                sla.send(request.acknowledged(end));
            }
            case ORGANISE -> {
                sla.send(request.acknowledged(start));
                sla.send(request.event(RequestEventType.ORGANISED, end));
            }
            case ON_SITE -> {
                sla.send(request.event(RequestEventType.ORGANISED, start));
                sla.send(request.event(RequestEventType.ON_SITE, end));
            }
            case COMPLETE -> {
                sla.send(request.event(RequestEventType.ON_SITE, start));
                sla.send(request.event(RequestEventType.COMPLETED, end));
            }
            case REPORT_BACK -> {
                sla.send(request.event(RequestEventType.COMPLETED, start));
                sla.send(request.event(RequestEventType.REPORTED_BACK, end));
            }
            default -> throw new IllegalArgumentException("no case for " + cell.stage());
        }
        List<SlaEvent> ofStage = sla.eventsOf(request.id()).stream().filter(e -> e.getStage() == cell.stage()).toList();
        assertThat(ofStage).extracting(SlaEvent::getKind).containsExactly(SlaEventKind.STARTED, expected);
        SlaEvent verdict = ofStage.get(1);
        assertThat(verdict.getStandardMillis()).isEqualTo(Duration.ofMinutes(cell.minutes()).toMillis());
        assertThat(verdict.getDeadline()).isEqualTo(start.plus(Duration.ofMinutes(cell.minutes())));
        assertThat(verdict.getActualAt()).isEqualTo(end);
        assertThat(verdict.getDurationMillis()).isEqualTo(took.toMillis());
        assertThat(verdict.getEventId()).isEqualTo(request.id() + "-" + cell.stage() + "-1-" + expected);
    }
}
