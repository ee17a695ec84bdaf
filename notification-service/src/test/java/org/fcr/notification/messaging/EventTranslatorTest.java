package org.fcr.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fcr.events.ArbitrationRequested;
import org.fcr.events.Category;
import org.fcr.events.CustomerNotified;
import org.fcr.events.Dispatched;
import org.fcr.events.EntryStatus;
import org.fcr.events.Escalated;
import org.fcr.events.EscalationLevel;
import org.fcr.events.Quoted;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.ReportedBack;
import org.fcr.events.Returned;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.events.SubjectType;
import org.fcr.notification.domain.NoticeKind;
import org.fcr.notification.domain.Occurrence;
import org.fcr.notification.testing.NoticeEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which events are worth a notice, and what they tell the templates. */
class EventTranslatorTest {

    final EventTranslator translator = new EventTranslator(7);

    static RequestEvent event(RequestEventType type, Object payload) {
        return NoticeEvents.request("R1", 5, type, payload, NoticeEvents.context(Category.FAULT_REPAIR, c -> { }));
    }

    static Stream<Arguments> requestEvents() {
        return Stream.of(
                Arguments.of(NoticeEvents.accepted("R1", NoticeEvents.context(Category.FAULT_REPAIR, c -> { })),
                        List.of(NoticeKind.COMMITMENT)),
                Arguments.of(NoticeEvents.accepted("R1", NoticeEvents.context(Category.COMPLAINT, c -> c.setMajor(true))),
                        List.of(NoticeKind.COMMITMENT, NoticeKind.MAJOR_COMPLAINT)),
                Arguments.of(event(RequestEventType.DISPATCHED, Dispatched.newBuilder().setDepartment("engineering")
                        .setDepartmentName("工程维修部").build()), List.of(NoticeKind.DISPATCHED)),
                Arguments.of(event(RequestEventType.RETURNED, Returned.newBuilder().setDepartment("engineering")
                        .setReason("属于保洁").build()), List.of(NoticeKind.TICKET_RETURNED)),
                Arguments.of(event(RequestEventType.QUOTED, Quoted.newBuilder().setAmountFen(12050).build()),
                        List.of(NoticeKind.QUOTE)),
                Arguments.of(event(RequestEventType.REPORTED_BACK, ReportedBack.newBuilder().setResult("已修复").build()),
                        List.of(NoticeKind.RESULT)),
                Arguments.of(event(RequestEventType.CUSTOMER_NOTIFIED, CustomerNotified.newBuilder().build()),
                        List.of(NoticeKind.RETURN_VISIT)),
                Arguments.of(event(RequestEventType.ESCALATED, Escalated.newBuilder().setLevel(EscalationLevel.SUPERVISOR)
                        .setReason("部门无法解决").build()), List.of(NoticeKind.ESCALATED)),
                Arguments.of(event(RequestEventType.ESCALATED, Escalated.newBuilder().setLevel(EscalationLevel.SUPERVISOR)
                        .setReason("客户要求").setConflict(true).build()), List.of(NoticeKind.CONFLICT_ESCALATION)),
                Arguments.of(event(RequestEventType.ESCALATED, Escalated.newBuilder()
                        .setLevel(EscalationLevel.OFFICE_MANAGER).setReason("x").build()),
                        List.of(NoticeKind.CONFLICT_ESCALATION)),
                Arguments.of(event(RequestEventType.ARBITRATION_REQUESTED, ArbitrationRequested.newBuilder()
                        .setReturnCount(2).setDepartments(List.of("engineering", "security")).build()),
                        List.of(NoticeKind.ARBITRATION)),
                Arguments.of(event(RequestEventType.REGISTERED, null), List.of()),
                Arguments.of(event(RequestEventType.ACKNOWLEDGED, null), List.of()),
                Arguments.of(event(RequestEventType.UNKNOWN, null), List.of()));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("requestEvents")
    void requestEventsBecomeTheirNotices(RequestEvent event, List<NoticeKind> kinds) {
        List<Occurrence> out = translator.fromRequest(event);
        assertThat(out).extracting(Occurrence::kind).containsExactlyElementsOf(kinds);
        assertThat(out).allSatisfy(o -> {
            assertThat(o.sourceEventId()).isEqualTo(event.getEventId());
            assertThat(o.requestId()).isEqualTo(event.getRequestId());
            assertThat(o.firstResponderId()).isEqualTo("desk01");
            assertThat(o.handlerId()).isEqualTo("eng01");
            assertThat(o.customer().phone()).isEqualTo("13800138000");
        });
    }

    @Test
    void majorsAndAccidentsAreUrgentDrillsAreMarkedAndTheCustomerEmailComesFromTheAttributes() {
        var accident = NoticeEvents.accepted("R1", NoticeEvents.context(Category.ACCIDENT, c -> c.setDrill(true)));
        accident.setAttributes(Map.of(EventTranslator.CUSTOMER_EMAIL_ATTRIBUTE, "li@example.org"));
        Occurrence o = translator.fromRequest(accident).get(0);
        assertThat(o.urgent()).isTrue();
        assertThat(o.drill()).isTrue();
        assertThat(o.customer().email()).isEqualTo("li@example.org");
        assertThat(translator.fromRequest(NoticeEvents.accepted("R1",
                NoticeEvents.context(Category.FAULT_REPAIR, c -> { }))).get(0).urgent()).isFalse();
    }

    @Test
    void aQuoteShowsYuanFromFen() {
        var quote = translator.fromRequest(event(RequestEventType.QUOTED, Quoted.newBuilder().setAmountFen(12050).build()));
        assertThat(quote.get(0).params()).containsEntry("amountYuan", "120.50");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("slaEvents")
    void slaEventsBecomeChasesBreachesAndEscalations(SlaEventKind kind, EscalationLevel level, List<NoticeKind> kinds) {
        var sla = NoticeEvents.sla("R1", kind, Stage.COMPLETE);
        sla.setEscalationLevel(level);
        List<Occurrence> out = translator.fromSla(sla);
        assertThat(out).extracting(Occurrence::kind).containsExactlyElementsOf(kinds);
        assertThat(out).allSatisfy(o -> {
            assertThat(o.handlerId()).isEqualTo("eng01");
            assertThat(o.firstResponderId()).isEqualTo("desk01");
            assertThat(o.params()).containsEntry("stage", "COMPLETE");
        });
    }

    static Stream<Arguments> slaEvents() {
        return Stream.of(
                Arguments.of(SlaEventKind.REMINDER, null, List.of(NoticeKind.REMINDER)),
                Arguments.of(SlaEventKind.BREACHED, null, List.of(NoticeKind.BREACHED)),
                Arguments.of(SlaEventKind.ESCALATED, EscalationLevel.SUPERVISOR, List.of(NoticeKind.ESCALATED)),
                Arguments.of(SlaEventKind.ESCALATED, EscalationLevel.OFFICE_MANAGER,
                        List.of(NoticeKind.CONFLICT_ESCALATION)),
                Arguments.of(SlaEventKind.STARTED, null, List.of()),
                Arguments.of(SlaEventKind.MET, null, List.of()));
    }

    @Test
    void aLedgerEntryTellsItsPersonOrTheDepartmentHead() {
        var person = translator.fromScore(NoticeEvents.penalty("R1", "eng01")).get(0);
        assertThat(person.kind()).isEqualTo(NoticeKind.PENALTY);
        assertThat(person.subjectId()).isEqualTo("eng01");
        assertThat(person.params()).containsEntry("appealDays", 7).containsEntry("points", -5);

        var department = NoticeEvents.penalty("R1", "engineering");
        department.setSubjectType(SubjectType.DEPARTMENT);
        var toHead = translator.fromScore(department).get(0);
        assertThat(toHead.subjectId()).isNull();
        assertThat(toHead.department()).isEqualTo("engineering");

        var cancelled = NoticeEvents.penalty("R1", "eng01");
        cancelled.setStatus(EntryStatus.CANCELLED);
        assertThat(translator.fromScore(cancelled)).isEmpty();
    }

    @Test
    void aDispatchDecisionIsANewTicketForTheDepartment() {
        var ticket = translator.fromDecision(NoticeEvents.decision("R1")).get(0);
        assertThat(ticket.kind()).isEqualTo(NoticeKind.NEW_TICKET);
        assertThat(ticket.sourceEventId()).isEqualTo("R1-dispatch-1");
        assertThat(ticket.department()).isEqualTo("engineering");
        assertThat(ticket.params()).containsEntry("departmentName", "工程维修部");
    }
}
