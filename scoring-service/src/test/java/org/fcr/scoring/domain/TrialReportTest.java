package org.fcr.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.scoring.support.Steps;
import org.fcr.scoring.support.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trial-run report's arithmetic, one case per row: drill stage outcomes and drill entries, as
 * the trial store files them into monthly sheets → the site's totals, each department's figures
 * and the most frequent violations; and the departments always add up to the site.
 */
class TrialReportTest {

    static final Instant T0 = Instant.parse("2026-11-10T01:00:00Z");
    static final EntryFactory ENTRIES = new EntryFactory(RuleBook.defaults());

    /**
     * A tiny language for a row: {@code [month:]MET|BREACHED stage person|- department [#id]} for a
     * stage outcome, {@code [month:]RULE person|- department [CANCELLED] [#id]} for an entry (points
     * and fine from the default rules table). A repeated {@code #id} is the same event seen again.
     */
    static List<TrialSheet> sheets(String... rows) {
        Map<String, Map<String, StageMark>> stages = new LinkedHashMap<>();
        Map<String, Map<String, EntrySummary>> entries = new LinkedHashMap<>();
        Map<String, TrialSubject> subjects = new LinkedHashMap<>();
        int n = 0;
        for (String row : rows) {
            n++;
            String month = row.matches("^\\d{4}-\\d{2}:.*") ? row.substring(0, 7) : "2026-11";
            List<String> words = new ArrayList<>(List.of(row.replaceFirst("^\\d{4}-\\d{2}:", "").trim().split("\\s+")));
            String id = words.get(words.size() - 1).startsWith("#") ? words.remove(words.size() - 1).substring(1) : "e" + n;
            if (words.get(0).equals("MET") || words.get(0).equals("BREACHED")) {
                Person person = person(words.get(2), words.get(3));
                var outcome = new StageOutcome(id, new StageMark(words.get(1), words.get(0).equals("MET")), words.get(3), person);
                TrialSubject.of(outcome).forEach(s -> {
                    subjects.put(month + s.type() + s.id(), s);
                    stages.computeIfAbsent(month + s.type() + s.id(), k -> new LinkedHashMap<>()).put(id, outcome.mark());
                });
            } else {
                PenaltyRule rule = PenaltyRule.valueOf(words.get(0));
                String department = words.get(2).equals("-") ? null : words.get(2);
                Subject subject = words.get(1).equals("-") ? Subject.department(department)
                        : Subject.person(words.get(1), words.get(1), department);
                LedgerEntry entry = ENTRIES.raise(rule, subject, "REQ", null, "drill", List.of(id), T0, true);
                if (words.contains("CANCELLED")) {
                    entry = entry.withStatus(new StatusChange(EntryStatus.CANCELLED, "mgr01", "吴主任", "误判", T0));
                }
                EntrySummary summary = EntrySummary.of(entry);
                TrialSubject.of(entry).forEach(s -> {
                    subjects.put(month + s.type() + s.id(), s);
                    entries.computeIfAbsent(month + s.type() + s.id(), k -> new LinkedHashMap<>()).put(summary.entryId(), summary);
                });
            }
        }
        return subjects.entrySet().stream().map(e -> new TrialSheet(e.getValue(), stages.get(e.getKey()),
                entries.get(e.getKey()))).toList();
    }

    private static Person person(String id, String department) {
        return id.equals("-") ? null : new Person(id, id, department);
    }

    /** "met/breached points fine entries" of a line. */
    static String figures(TrialLine line) {
        return line.met() + "/" + line.breached() + " " + line.points() + " " + line.fineYuan() + " " + line.entries();
    }

    static String top(TrialLine line) {
        return line.topViolations().stream().map(r -> r.rule() + "=" + r.count()).collect(Collectors.joining(","));
    }

    static Arguments row(String name, List<String> rows, String total, String departments, String topOfSite) {
        return Arguments.of(name, rows, total, departments, topOfSite);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("nothing yet", List.of(), "0/0 0 0 0", "", ""),
                row("a late stage and its entry", List.of(
                        "BREACHED ON_SITE eng01 engineering", "STAGE_LATE eng01 engineering"),
                        "0/1 -5 0 1", "engineering 0/1 -5 0 1", "STAGE_LATE=1"),
                row("stages met cost nothing", List.of(
                        "MET ACCEPT desk01 customer-service", "MET ON_SITE eng01 engineering", "MET COMPLETE eng01 engineering"),
                        "3/0 0 0 0", "customer-service 1/0 0 0 0; engineering 2/0 0 0 0", ""),
                row("fines and points of several departments, worst first", List.of(
                        "BREACHED ACKNOWLEDGE - engineering", "ACK_LATE - engineering",
                        "BREACHED ON_SITE sec01 security", "STAGE_LATE sec01 security",
                        "NEXT_STAGE_DELAYED sec01 security", "BREACHED ACCEPT desk01 customer-service",
                        "STAGE_LATE desk01 customer-service"),
                        "0/3 -20 50 4", "security 0/1 -15 0 2; customer-service 0/1 -5 0 1; engineering 0/1 0 50 1",
                        "STAGE_LATE=2,NEXT_STAGE_DELAYED=1,ACK_LATE=1"),
                row("a cancelled entry no longer counts", List.of(
                        "STAGE_LATE eng01 engineering", "STAGE_LATE eng02 engineering CANCELLED"),
                        "0/0 -5 0 1", "engineering 0/0 -5 0 1", "STAGE_LATE=1"),
                row("only the three most frequent violations", List.of(
                        "PUSHED_AWAY desk01 customer-service", "PUSHED_AWAY desk01 customer-service",
                        "MISSING_SIGNOFF eng01 engineering", "REPEAT_COMPLAINT - engineering",
                        "REPEAT_COMPLAINT - engineering", "REPEAT_COMPLAINT - engineering", "ACK_LATE - security"),
                        "0/0 -10 240 7", "engineering 0/0 -10 150 4; security 0/0 0 50 1; customer-service 0/0 0 40 2",
                        "REPEAT_COMPLAINT=3,PUSHED_AWAY=2,MISSING_SIGNOFF=1"),
                row("an event or entry seen again counts once", List.of(
                        "BREACHED ON_SITE eng01 engineering #b1", "BREACHED ON_SITE eng01 engineering #b1",
                        "STAGE_LATE eng01 engineering #b1", "STAGE_LATE eng01 engineering #b1"),
                        "0/1 -5 0 1", "engineering 0/1 -5 0 1", "STAGE_LATE=1"),
                row("two months merge; nothing counts twice", List.of(
                        "2026-10:BREACHED ON_SITE eng01 engineering #b1", "2026-11:BREACHED ON_SITE eng01 engineering #b1",
                        "2026-11:MET ACCEPT desk01 customer-service", "2026-10:STAGE_LATE eng01 engineering #b1"),
                        "1/1 -5 0 1", "engineering 0/1 -5 0 1; customer-service 1/0 0 0 0", "STAGE_LATE=1"),
                row("no department known: counted as unassigned, still in the totals", List.of(
                        "BREACHED ACCEPT - unassigned", "STAGE_LATE eng09 -"),
                        "0/1 -5 0 1", "unassigned 0/1 -5 0 1", "STAGE_LATE=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReportAddsUp(String name, List<String> rows, String total, String departments, String topOfSite) {
        TrialReport report = TrialReport.of("2026-10..2026-11", sheets(rows.toArray(String[]::new)));

        assertThat(figures(report.total())).isEqualTo(total);
        assertThat(report.departments().stream().map(d -> d.subjectId() + " " + figures(d)).collect(Collectors.joining("; ")))
                .isEqualTo(departments);
        assertThat(top(report.total())).isEqualTo(topOfSite);
        assertThat(report.addsUp()).isTrue();
        assertThat(report.departments().stream().mapToInt(TrialLine::points).sum()).isEqualTo(report.total().points());
        assertThat(report.departments().stream().mapToInt(TrialLine::fineYuan).sum()).isEqualTo(report.total().fineYuan());
        assertThat(report.departments().stream().mapToInt(TrialLine::breached).sum()).isEqualTo(report.total().breached());
        assertThat(report.departments().stream().mapToInt(TrialLine::met).sum()).isEqualTo(report.total().met());
    }

    @Test
    void peopleCarryTheirOwnFiguresAndStagesArePerStage() {
        TrialReport report = TrialReport.of("2026-11", sheets("BREACHED ON_SITE eng01 engineering",
                "MET ACKNOWLEDGE eng01 engineering", "STAGE_LATE eng01 engineering", "MET ON_SITE eng02 engineering",
                "ACK_LATE - engineering"));

        assertThat(report.people()).extracting(TrialLine::subjectId, TrialReportTest::figures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eng01", "1/1 -5 0 1"),
                        org.assertj.core.groups.Tuple.tuple("eng02", "1/0 0 0 0"));
        assertThat(report.departments().get(0).stages()).containsExactly(
                Map.entry("ACKNOWLEDGE", new TrialLine.StageCount(1, 0)), Map.entry("ON_SITE", new TrialLine.StageCount(1, 1)));
    }

    @Test
    void aSheetThatDoesNotAddUpIsCaught() {
        List<TrialSheet> sheets = new ArrayList<>(sheets("STAGE_LATE eng01 engineering"));
        sheets.removeIf(s -> s.subject().type().equals("DEPARTMENT"));

        assertThat(TrialReport.of("2026-11", sheets).addsUp()).isFalse();
    }

    @Test
    void aDrillBreachCountsForWhomItsEntryIsCharged() {
        RulesEngine engine = new RulesEngine(RuleBook.defaults());
        Story story = Story.of("DRILL-1", T0).drill();
        RequestFacts facts = RequestFacts.start(story.requestId());
        engine.apply(facts, story.accepted());
        engine.apply(facts, Steps.dispatched(story, "engineering"));
        story.after(Duration.ofMinutes(30));
        SlaEvent breach = story.sla(SlaEventKind.BREACHED, Stage.ON_SITE, Story.ENGINEER, "engineering");
        List<LedgerEntry> raised = engine.apply(facts, breach);
        SlaEvent late = story.sla(SlaEventKind.BREACHED, Stage.ACCEPT, Story.DESK, null);
        List<LedgerEntry> raisedOnDesk = engine.apply(facts, late);

        StageOutcome onSite = StageOutcome.of(facts, breach).orElseThrow();
        StageOutcome accept = StageOutcome.of(facts, late).orElseThrow();

        assertThat(raised).allMatch(LedgerEntry::drill);
        assertThat(onSite.person().id()).isEqualTo(raised.get(0).subjectId());
        assertThat(onSite.department()).isEqualTo(raised.get(0).department()).isEqualTo("engineering");
        assertThat(accept.person().id()).isEqualTo(raisedOnDesk.get(0).subjectId()).isEqualTo("desk01");
        assertThat(accept.department()).isEqualTo(raisedOnDesk.get(0).department()).isEqualTo("customer-service");
        assertThat(StageOutcome.of(facts, story.sla(SlaEventKind.STARTED, Stage.COMPLETE, Story.ENGINEER, "engineering")))
                .isEmpty();
    }
}
