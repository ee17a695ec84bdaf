package org.fcr.dispatch.messaging;

import java.time.Instant;

import org.fcr.dispatch.domain.Department;
import org.fcr.dispatch.domain.DispatchPlan;
import org.fcr.events.Actor;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchOrder;
import org.fcr.events.DispatchReason;
import org.fcr.events.RequestContext;

/**
 * Builds what a dispatch sends: the order carries everything a department system needs to act
 * without calling back (unit, category, description, first responder, desk contact); the decision
 * tells intake, notification and scoring where the request went and why.
 */
final class DispatchMessages {

    private DispatchMessages() {
    }

    static DispatchOrder order(String requestId, DispatchPlan plan, Actor handler, RequestContext context,
                               String description, String deskContact, Instant at) {
        Department department = plan.department();
        return DispatchOrder.newBuilder()
                .setOrderId(DispatchPlan.decisionId(requestId, plan.attempt()))
                .setRequestId(requestId)
                .setDepartment(department.code())
                .setDepartmentName(department.name())
                .setHandler(handler)
                .setCategory(context.getCategory())
                .setSubcategory(context.getSubcategory())
                .setSize(context.getSize())
                .setScope(context.getScope())
                .setMajor(context.getMajor())
                .setCustomer(context.getCustomer())
                .setDescription(description)
                .setFirstResponder(context.getFirstResponder())
                .setDeskContact(deskContact)
                .setDispatchedAt(at)
                .setAttempt(plan.attempt())
                .setReason(reason(plan))
                .setDrill(context.getDrill())
                .build();
    }

    static DispatchDecision decision(String requestId, DispatchPlan plan, Actor handler, Actor decidedBy, Instant at) {
        return DispatchDecision.newBuilder()
                .setDecisionId(DispatchPlan.decisionId(requestId, plan.attempt()))
                .setRequestId(requestId)
                .setDepartment(plan.department().code())
                .setDepartmentName(plan.department().name())
                .setHandler(handler)
                .setRuleId(plan.ruleId())
                .setReason(reason(plan))
                .setAttempt(plan.attempt())
                .setReturnCount(plan.returnCount())
                .setArbitrationRequired(plan.arbitrationRequired())
                .setWrongDepartments(plan.wrongDepartments())
                .setPreviousDepartment(plan.previousDepartment())
                .setDecidedAt(at)
                .setDecidedBy(decidedBy)
                .build();
    }

    static DispatchReason reason(DispatchPlan plan) {
        return DispatchReason.valueOf(plan.reason().name());
    }

    /** "客服中心 400-800-1234": who a department calls about a ticket. */
    static String deskContact(Department desk) {
        return desk.phone() == null || desk.phone().isBlank() ? desk.name() : desk.name() + " " + desk.phone();
    }
}
