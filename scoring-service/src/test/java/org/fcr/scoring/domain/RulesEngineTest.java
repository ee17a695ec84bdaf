package org.fcr.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fcr.scoring.support.Steps.acknowledged;
import static org.fcr.scoring.support.Steps.closed;
import static org.fcr.scoring.support.Steps.completed;
import static org.fcr.scoring.support.Steps.dispatched;
import static org.fcr.scoring.support.Steps.forwarded;
import static org.fcr.scoring.support.Steps.harm;
import static org.fcr.scoring.support.Steps.reportedBack;
import static org.fcr.scoring.support.Steps.returned;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.DispatchReason;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.scoring.support.Story;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §6, one line per case: the events of a request's story → the ledger lines they raise. */
class RulesEngineTest {

    static final Instant T0 = Instant.parse("2026-11-10T01:00:00Z");
    static final Actor ENG = Story.ENGINEER;
    static final Actor DESK = Story.DESK;

    record Line(String rule, String subjectId, int points, int fineYuan) {
        static Line of(LedgerEntry e) {
            return new Line(e.rule().name(), e.subjectId(), e.points(), e.fineYuan());
        }
    }

    static Line line(String rule, String subject, int points, int fine) {
        return new Line(rule, subject, points, fine);
    }

    static Arguments rule(String name, Function<Story, List<?>> story, Line... expected) {
        return Arguments.of(name, story, List.of(expected));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                rule("late stage → −5 on the responsible person",
                        s -> List.of(s.accepted(), s.sla(SlaEventKind.BREACHED, Stage.ACCEPT, DESK, null)),
                        line("STAGE_LATE", "desk01", -5, 0)),
                rule("late stage with no person → the department; late acknowledgement → fine 50 + notice",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"),
                                s.sla(SlaEventKind.BREACHED, Stage.ACKNOWLEDGE, null, "engineering")),
                        line("STAGE_LATE", "engineering", -5, 0), line("ACK_LATE", "engineering", 0, 50)),
                rule("late stage with neither → the first responder",
                        s -> List.of(s.accepted(), s.sla(SlaEventKind.BREACHED, Stage.REGISTER, null, null)),
                        line("STAGE_LATE", "desk01", -5, 0)),
                rule("late stage that delayed the next → −10 more on who was late first",
                        s -> List.of(s.accepted(), s.sla(SlaEventKind.STARTED, Stage.ON_SITE, ENG, "engineering"),
                                s.sla(SlaEventKind.BREACHED, Stage.ON_SITE, ENG, "engineering"),
                                s.sla(SlaEventKind.STARTED, Stage.COMPLETE, ENG, "engineering"),
                                s.sla(SlaEventKind.BREACHED, Stage.COMPLETE, ENG, "engineering")),
                        line("STAGE_LATE", "eng01", -5, 0), line("STAGE_LATE", "eng01", -5, 0),
                        line("NEXT_STAGE_DELAYED", "eng01", -10, 0)),
                rule("next stage late after a stage met → no delay penalty",
                        s -> List.of(s.accepted(), s.sla(SlaEventKind.STARTED, Stage.ON_SITE, ENG, "engineering"),
                                s.sla(SlaEventKind.MET, Stage.ON_SITE, ENG, "engineering"),
                                s.sla(SlaEventKind.STARTED, Stage.COMPLETE, ENG, "engineering"),
                                s.sla(SlaEventKind.BREACHED, Stage.COMPLETE, ENG, "engineering")),
                        line("STAGE_LATE", "eng01", -5, 0)),
                rule("completed without the customer's signature → −10 on the handler",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"), acknowledged(s, ENG),
                                completed(s, ENG, false)),
                        line("MISSING_SIGNOFF", "eng01", -10, 0)),
                rule("completed with the signature → nothing",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"), acknowledged(s, ENG),
                                completed(s, ENG, true))),
                rule("reported back without the double notice → −10",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"), acknowledged(s, ENG),
                                completed(s, ENG, true), reportedBack(s, ENG, false)),
                        line("MISSING_SIGNOFF", "eng01", -10, 0)),
                rule("harm recorded after a missing sign-off → −20 in all",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"), acknowledged(s, ENG),
                                completed(s, ENG, false), harm(s, "R-4")),
                        line("MISSING_SIGNOFF", "eng01", -10, 0), line("SIGNOFF_HARM", "eng01", -10, 0)),
                rule("harm naming another violation → nothing more",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"), acknowledged(s, ENG),
                                completed(s, ENG, false), harm(s, "R-99")),
                        line("MISSING_SIGNOFF", "eng01", -10, 0)),
                rule("in-scope request returned by the department its own rule chose → fine 30 + notice",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"), returned(s, ENG, "engineering")),
                        line("IN_SCOPE_TRANSFER", "engineering", 0, 30)),
                rule("in-scope request forwarded away by the department its rule chose → fine 30",
                        s -> List.of(s.accepted(), dispatched(s, "engineering"),
                                forwarded(s, ENG, "engineering", "security")),
                        line("IN_SCOPE_TRANSFER", "engineering", 0, 30)),
                rule("out-of-scope request returned → no transfer fine",
                        s -> List.of(s.outOfScope().accepted(), dispatched(s, "engineering"),
                                returned(s, ENG, "engineering"))),
                rule("returned after a manual dispatch (not its rule) → no transfer fine",
                        s -> List.of(s.accepted(), dispatched(s, "engineering", null, DispatchReason.MANUAL),
                                returned(s, ENG, "engineering"))),
                rule("arbitration finds both sides wrong → each department fined",
                        s -> List.of(s.accepted(), dispatched(s, "cleaning", "arb", DispatchReason.ARBITRATED,
                                "engineering", "security")),
                        line("ARBITRATION_FINDING", "engineering", 0, 50), line("ARBITRATION_FINDING", "security", 0, 50)),
                rule("closed by the first responder alone → nothing yet (a repeat complaint must follow)",
                        s -> List.of(s.accepted(), closed(s, DESK))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(String name, Function<Story, List<?>> story, List<Line> expected) {
        Story s = Story.of("R", T0, Category.FAULT_REPAIR, "13800138000");
        LedgerSimulator simulator = new LedgerSimulator().feed(story.apply(s.after(Duration.ZERO)));
        assertThat(simulator.ledger().values()).extracting(Line::of).containsExactlyInAnyOrderElementsOf(expected);
    }
}
