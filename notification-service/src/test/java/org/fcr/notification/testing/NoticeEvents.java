package org.fcr.notification.testing;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.fcr.events.Accepted;
import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.DispatchDecision;
import org.fcr.events.EntryStatus;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.events.SubjectType;
import org.fcr.schemas.EventFixtures;

/** Events as the other services publish them, with the demo staff of fcr-defaults.yml. */
public final class NoticeEvents {

    public static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");

    static {
        // Avro 1.12 refuses builders of untrusted classes; the topic registry trusts the event package
        org.fcr.schemas.Topics.REQUESTS.name();
    }

    private NoticeEvents() {
    }

    public static Actor staff(String id, String name, String department) {
        return Actor.newBuilder().setEmployeeId(id).setName(name).setDepartment(department).setRole("STAFF").build();
    }

    /** First responder desk01 (王芳), customer 李先生 13800138000, handler eng01 in engineering. */
    public static RequestContext context(Category category, Consumer<RequestContext.Builder> changes) {
        RequestContext.Builder b = RequestContext.newBuilder(EventFixtures.context(category))
                .setFirstResponder(staff("desk01", "王芳", "customer-service"))
                .setDepartment("engineering")
                .setHandler(staff("eng01", "刘强", "engineering"));
        changes.accept(b);
        return b.build();
    }

    public static RequestEvent request(String requestId, long sequence, RequestEventType type, Object payload,
                                       RequestContext context) {
        return RequestEvent.newBuilder()
                .setEventId(requestId + "-" + sequence)
                .setRequestId(requestId)
                .setSequence(sequence)
                .setType(type)
                .setOccurredAt(AT)
                .setActor(staff("desk01", "王芳", "customer-service"))
                .setContext(context)
                .setPayload(payload)
                .setAttributes(Map.of())
                .build();
    }

    public static RequestEvent accepted(String requestId, RequestContext context) {
        return request(requestId, 1, RequestEventType.ACCEPTED, Accepted.newBuilder().setReceivedAt(AT)
                .setDescription("厨房水管漏水").setPromisedBy(AT.plusSeconds(3600)).setPromisedResult("修复漏水").build(),
                context);
    }

    public static SlaEvent sla(String requestId, SlaEventKind kind, Stage stage) {
        return SlaEvent.newBuilder()
                .setEventId(requestId + "-" + stage + "-1-" + kind)
                .setRequestId(requestId)
                .setKind(kind)
                .setStage(stage)
                .setCategory(Category.FAULT_REPAIR)
                .setStartedAt(AT)
                .setDeadline(AT.plusSeconds(600))
                .setResponsible(staff("eng01", "刘强", "engineering"))
                .setDepartment("engineering")
                .setFirstResponder(staff("desk01", "王芳", "customer-service"))
                .setOccurredAt(AT.plusSeconds(600))
                .build();
    }

    public static ScoreEntry penalty(String requestId, String subjectId) {
        return ScoreEntry.newBuilder()
                .setEntryId("STAGE_LATE-" + subjectId + "-" + requestId)
                .setRule("STAGE_LATE")
                .setRuleVersion(1)
                .setPoints(-5)
                .setFineYuan(0)
                .setSubjectType(SubjectType.PERSON)
                .setSubjectId(subjectId)
                .setDepartment("engineering")
                .setRequestId(requestId)
                .setReason("受理环节超时")
                .setOccurredAt(AT)
                .setStatus(EntryStatus.ACTIVE)
                .build();
    }

    public static DispatchDecision decision(String requestId) {
        return DispatchDecision.newBuilder()
                .setDecisionId(requestId + "-dispatch-1")
                .setRequestId(requestId)
                .setDepartment("engineering")
                .setDepartmentName("工程维修部")
                .setDecidedAt(AT)
                .setDecidedBy(staff("system", "dispatch", null))
                .build();
    }
}
