package org.fcr.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.DispatchDecision;
import org.fcr.events.RequestEvent;
import org.fcr.events.RequestSize;
import org.fcr.events.Satisfaction;
import org.fcr.events.Scope;

/** Drives one request through commands, as the desk and a department would, for unit tests. */
final class Journey {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Actor DESK = actor("desk01", "王芳", "customer-service", "DESK", 2);
    static final Actor ENGINEER = actor("eng01", "刘强", "engineering", "DEPARTMENT", 1);
    static final Actor GUARD = actor("sec01", "杨军", "security", "DEPARTMENT", 1);
    static final Actor MANAGER = actor("mgr01", "吴主任", "administration", "MANAGER", 4);
    static final Actor DISPATCH = actor("dispatch-service", "调度", null, "SYSTEM", 0);

    RequestState state;
    final List<RequestEvent> events = new ArrayList<>();
    private int minutes;

    static Actor actor(String id, String name, String department, String role, int rank) {
        return Actor.newBuilder().setEmployeeId(id).setName(name).setDepartment(department).setRole(role).setRank(rank).build();
    }

    static NewRequest request(boolean dispatch, boolean paid, List<Actor> askedTogether) {
        return new NewRequest(Channel.HOTLINE, Category.FAULT_REPAIR, "水电", RequestSize.SMALL,
                paid ? Scope.OUT_OF_SCOPE : Scope.IN_SCOPE, false, paid, false,
                new Customer("李先生", "3-2-501", "13800138000"), null, "厨房水管漏水", T0.minusSeconds(60), null,
                null, null, null, askedTogether, dispatch, null);
    }

    static Journey accepted() {
        return start(request(false, false, List.of()));
    }

    static Journey start(NewRequest request) {
        Journey j = new Journey();
        j.take(RequestIntake.accept("R-TEST", request, DESK, T0));
        return j;
    }

    Instant now() {
        return T0.plusSeconds(60L * ++minutes);
    }

    Journey take(Decision d) {
        state = d.state();
        events.addAll(d.events());
        return this;
    }

    Journey register() { return take(StageCommands.register(state, DESK, now(), null)); }
    Journey requestDispatch() { return take(StageCommands.requestDispatch(state, DESK, now(), null, null)); }
    Journey dispatched(String department, int attempt) { return take(DispatchInbound.dispatched(state, decision(department, attempt), now())); }
    Journey acknowledge() { return take(StageCommands.acknowledge(state, ENGINEER, now(), null)); }
    Journey organise() { return take(StageCommands.organise(state, ENGINEER, now(), "带工具")); }
    Journey onSite() { return take(StageCommands.onSite(state, ENGINEER, now(), null)); }
    Journey complete() { return take(StageCommands.complete(state, ENGINEER, now(), "已更换水管", true, null, true)); }
    Journey reportBack() { return take(StageCommands.reportBack(state, DESK, now(), null)); }
    Journey revisit(boolean solved) { return take(StageCommands.revisit(state, DESK, now(), solved, Satisfaction.SATISFIED, null, false)); }
    Journey close() { return take(StageCommands.close(state, DESK, now(), null)); }

    DispatchDecision decision(String department, int attempt) {
        return DispatchDecision.newBuilder()
                .setDecisionId(state.id() + "-dispatch-" + attempt).setRequestId(state.id())
                .setDepartment(department).setDepartmentName(department).setAttempt(attempt)
                .setReason(org.fcr.events.DispatchReason.INITIAL).setReturnCount(0).setArbitrationRequired(false)
                .setWrongDepartments(List.of()).setHandler(null).setRuleId(null).setPreviousDepartment(null)
                .setDecidedAt(now()).setDecidedBy(DISPATCH).build();
    }

    /** All the way to a department that has the ticket. */
    static Journey atDepartment() {
        return accepted().register().requestDispatch().dispatched("engineering", 1);
    }
}
