package org.fcr.scoring.support;

import java.util.List;

import org.fcr.events.Acknowledged;
import org.fcr.events.Actor;
import org.fcr.events.Closed;
import org.fcr.events.Completed;
import org.fcr.events.DispatchReason;
import org.fcr.events.Dispatched;
import org.fcr.events.Escalated;
import org.fcr.events.EscalationLevel;
import org.fcr.events.Forwarded;
import org.fcr.events.HarmRecorded;
import org.fcr.events.ReportedBack;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestEventType;
import org.fcr.events.Returned;
import org.fcr.events.Revisited;
import org.fcr.events.Satisfaction;

/** The department and desk steps of a request, as intake would record them. */
public final class Steps {

    public static final Actor MANAGER = Actor.newBuilder().setEmployeeId("mgr01").setName("吴主任")
            .setDepartment("administration").setRole("MANAGER").setRank(4).build();

    private Steps() {
    }

    public static RequestEvent dispatched(Story story, String department, String ruleId, DispatchReason reason,
                                          String... wrongDepartments) {
        story.inDepartment(department, null);
        return story.event(RequestEventType.DISPATCHED, Story.DESK, Dispatched.newBuilder().setDepartment(department)
                .setDepartmentName(department).setRuleId(ruleId).setReason(reason)
                .setWrongDepartments(List.of(wrongDepartments)).build());
    }

    public static RequestEvent dispatched(Story story, String department) {
        return dispatched(story, department, "route-" + department, DispatchReason.INITIAL);
    }

    public static RequestEvent acknowledged(Story story, Actor handler) {
        story.inDepartment(handler.getDepartment(), handler);
        return story.event(RequestEventType.ACKNOWLEDGED, handler, Acknowledged.newBuilder().setHandler(handler).build());
    }

    public static RequestEvent returned(Story story, Actor by, String department) {
        return story.event(RequestEventType.RETURNED, by,
                Returned.newBuilder().setDepartment(department).setReason("不属于本部门").build());
    }

    public static RequestEvent forwarded(Story story, Actor by, String from, String to) {
        return story.event(RequestEventType.FORWARDED, by,
                Forwarded.newBuilder().setFromDepartment(from).setToDepartment(to).setReason("转交").build());
    }

    public static RequestEvent completed(Story story, Actor handler, boolean signed) {
        return story.event(RequestEventType.COMPLETED, handler, Completed.newBuilder().setResult("已修复")
                .setCustomerSignaturePresent(signed).build());
    }

    public static RequestEvent reportedBack(Story story, Actor handler, boolean doubleNotice) {
        return story.event(RequestEventType.REPORTED_BACK, handler, ReportedBack.newBuilder().setResult("已修复")
                .setDeskAndFirstResponderNotified(doubleNotice).build());
    }

    public static RequestEvent harm(Story story, String violationEventId) {
        return story.event(RequestEventType.HARM_RECORDED, MANAGER,
                HarmRecorded.newBuilder().setReason("漏水损坏楼下吊顶").setViolationEventId(violationEventId).build());
    }

    public static RequestEvent revisited(Story story, boolean solved, Satisfaction satisfaction) {
        return story.event(RequestEventType.REVISITED, Story.DESK,
                Revisited.newBuilder().setSolved(solved).setSatisfaction(satisfaction).build());
    }

    public static RequestEvent escalated(Story story) {
        return story.event(RequestEventType.ESCALATED, Story.DESK, Escalated.newBuilder()
                .setLevel(EscalationLevel.OFFICE_MANAGER).setReason("客户不满").setConflict(true).build());
    }

    public static RequestEvent closed(Story story, Actor by) {
        return story.event(RequestEventType.CLOSED, by, Closed.newBuilder().setOutcome("CANCELLED").build());
    }
}
