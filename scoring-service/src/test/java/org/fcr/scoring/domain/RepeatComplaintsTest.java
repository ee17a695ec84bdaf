package org.fcr.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fcr.scoring.support.Steps.closed;
import static org.fcr.scoring.support.Steps.completed;
import static org.fcr.scoring.support.Steps.dispatched;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fcr.events.Category;
import org.fcr.scoring.domain.RulesEngineTest.Line;
import org.fcr.scoring.support.Story;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Repeat complaints and pushing the customer away (SPEC §6), one line per case. */
class RepeatComplaintsTest {

    static final Instant T0 = Instant.parse("2026-11-01T01:00:00Z");

    /** How the first request ended before the customer came back. */
    enum First { HANDLED_BY_ENGINEERING, CLOSED_BY_FIRST_RESPONDER, HANDLED_THEN_CLOSED_BY_FIRST_RESPONDER }

    static Arguments repeat(String name, First first, Category secondCategory, String secondPhone, Duration gap,
                            Line... expected) {
        return Arguments.of(name, first, secondCategory, secondPhone, gap, List.of(expected));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                repeat("same customer, same matter, within 30 days → fine 50 on the department head",
                        First.HANDLED_BY_ENGINEERING, Category.FAULT_REPAIR, "13800138000", Duration.ofDays(3),
                        new Line("REPEAT_COMPLAINT", "sup01", 0, 50)),
                repeat("same matter after the period → nothing",
                        First.HANDLED_BY_ENGINEERING, Category.FAULT_REPAIR, "13800138000", Duration.ofDays(31)),
                repeat("another matter → nothing",
                        First.HANDLED_BY_ENGINEERING, Category.SERVICE, "13800138000", Duration.ofDays(3)),
                repeat("another customer → nothing",
                        First.HANDLED_BY_ENGINEERING, Category.FAULT_REPAIR, "13900000000", Duration.ofDays(3)),
                repeat("first responder closed it alone, customer came back → fine 20 on them",
                        First.CLOSED_BY_FIRST_RESPONDER, Category.FAULT_REPAIR, "13800138000", Duration.ofDays(2),
                        new Line("PUSHED_AWAY", "desk01", 0, 20)),
                repeat("closed by the first responder after the work was done → only the repeat complaint",
                        First.HANDLED_THEN_CLOSED_BY_FIRST_RESPONDER, Category.FAULT_REPAIR, "13800138000",
                        Duration.ofDays(2), new Line("REPEAT_COMPLAINT", "sup01", 0, 50)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void repeat(String name, First first, Category secondCategory, String secondPhone, Duration gap, List<Line> expected) {
        List<Object> events = firstRequest(first);
        Story second = Story.of("R2", T0.plus(gap), secondCategory, secondPhone);
        events.add(second.accepted());

        assertThat(new LedgerSimulator().feed(events).ledger().values()).extracting(Line::of)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} (second request seen first)")
    @MethodSource("cases")
    void theSameWhicheverRequestIsReadFirst(String name, First first, Category secondCategory, String secondPhone,
                                            Duration gap, List<Line> expected) {
        List<Object> events = new ArrayList<>();
        events.add(Story.of("R2", T0.plus(gap), secondCategory, secondPhone).accepted());
        events.addAll(firstRequest(first));

        assertThat(new LedgerSimulator().feed(events).ledger().values()).extracting(Line::of)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void requestsFarOlderThanThePeriodAreForgotten() {
        RulesEngine engine = new RulesEngine(RuleBook.defaults());
        RepeatComplaints repeats = new RepeatComplaints(RuleBook.defaults(),
                new RepeatComplaints.Policy(Duration.ofDays(30), java.util.Set.of(), java.util.Map.of()));
        CustomerHistory history = CustomerHistory.of("phone:13800138000");
        for (String id : List.of("OLD", "MIDDLE", "NEW")) {
            Duration age = switch (id) { case "OLD" -> Duration.ZERO; case "MIDDLE" -> Duration.ofDays(60); default -> Duration.ofDays(100); };
            var accepted = Story.of(id, T0.plus(age)).accepted();
            RequestFacts facts = RequestFacts.start(id);
            engine.apply(facts, accepted);
            repeats.apply(history, facts, accepted);
        }
        assertThat(history.requests()).extracting(PastRequest::requestId).containsExactly("MIDDLE", "NEW");
    }

    @org.junit.jupiter.api.Test
    void aCustomerWhoCallsOftenRaisesOneEntryPerRepeatNotOnePerPair() {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Story story = Story.of("OFTEN-" + i, T0.plus(Duration.ofHours(i)));
            events.add(story.accepted());
            events.add(dispatched(story, "engineering"));
            events.add(completed(story, Story.ENGINEER, true));
        }
        var repeats = new LedgerSimulator().feed(events).ledger().values().stream()
                .filter(e -> e.rule() == PenaltyRule.REPEAT_COMPLAINT).toList();

        assertThat(repeats).extracting(LedgerEntry::requestId).doesNotHaveDuplicates().hasSize(119)
                .doesNotContain("OFTEN-0");
        assertThat(repeats).allSatisfy(e -> assertThat(e.reason()).contains(
                "OFTEN-" + (Integer.parseInt(e.requestId().substring("OFTEN-".length())) - 1) + " "));
    }

    @org.junit.jupiter.api.Test
    void aBusyCustomersHistoryStaysBounded() {
        RulesEngine engine = new RulesEngine(RuleBook.defaults());
        RepeatComplaints repeats = new RepeatComplaints(RuleBook.defaults(),
                new RepeatComplaints.Policy(Duration.ofDays(30), java.util.Set.of(), java.util.Map.of()));
        CustomerHistory history = CustomerHistory.of("phone:13800138000");
        for (int i = 0; i < 3 * RepeatComplaints.KEPT; i++) {
            Story story = Story.of("BUSY-" + i, T0.plus(Duration.ofMinutes(i)));
            RequestFacts facts = RequestFacts.start(story.requestId());
            for (var event : List.of(story.accepted(), dispatched(story, "engineering"))) {
                engine.apply(facts, event);
                repeats.apply(history, facts, event);
            }
        }
        assertThat(history.requests()).hasSize(RepeatComplaints.KEPT)
                .extracting(PastRequest::requestId).contains("BUSY-" + (3 * RepeatComplaints.KEPT - 1)).doesNotContain("BUSY-0");
        assertThat(history.judgedPairs).hasSizeLessThanOrEqualTo(2 * RepeatComplaints.KEPT);
    }

    private static List<Object> firstRequest(First first) {
        Story story = Story.of("R1", T0);
        List<Object> events = new ArrayList<>();
        events.add(story.accepted());
        switch (first) {
            case HANDLED_BY_ENGINEERING -> {
                events.add(dispatched(story, "engineering"));
                events.add(completed(story, Story.ENGINEER, true));
            }
            case CLOSED_BY_FIRST_RESPONDER -> events.add(closed(story, Story.DESK));
            case HANDLED_THEN_CLOSED_BY_FIRST_RESPONDER -> {
                events.add(dispatched(story, "engineering"));
                events.add(completed(story, Story.ENGINEER, true));
                events.add(closed(story, Story.DESK));
            }
        }
        return events;
    }
}
