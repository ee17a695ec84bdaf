package org.fcr.dispatch.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The handoff contract (SPEC §4): a department cannot refuse; it returns a ticket with a reason
 * (退单) or forwards it (转派). A returned ticket goes to the department the returner suggested,
 * else to the next matching rule, else to the desk; when it has bounced too often a manager
 * arbitrates and names both the right department and the ones that were wrong.
 */
public final class DispatchPlanner {

    private final RoutingTable table;
    private final PingPongPolicy policy;

    public DispatchPlanner(RoutingTable table, PingPongPolicy policy) {
        this.table = table;
        this.policy = policy;
    }

    /** The desk asks for dispatch; a department it names after a technical check is honoured. */
    public Outcome onDispatchRequested(RequestRouting state, RoutingQuery query, String suggested) {
        var named = table.department(suggested);
        if (named.isPresent()) {
            return plan(state, named.get(), null, DispatchReason.MANUAL, List.of());
        }
        RouteChoice choice = table.route(query);
        DispatchReason reason = state.attempt() == 0 ? DispatchReason.INITIAL : DispatchReason.MANUAL;
        return plan(state, choice.department(), choice.ruleId(), reason, List.of());
    }

    public Outcome onReturned(RequestRouting state, RoutingQuery query, String returning, String suggested) {
        if (state.arbitrationPending() || state.closed()) {
            return Outcome.nothing(state); // the manager holds it, or it is closed: a late return changes nothing
        }
        RequestRouting counted = state.returnedFrom(returning);
        if (policy.isPingPong(counted.openReturns())) {
            return toArbitration(counted);
        }
        Set<String> excluded = new HashSet<>(counted.returnedBy());
        var named = table.department(suggested).filter(d -> !excluded.contains(d.code()));
        if (named.isPresent()) {
            return plan(counted, named.get(), null, DispatchReason.REROUTED_AFTER_RETURN, List.of());
        }
        RouteChoice choice = table.route(query, excluded);
        return plan(counted, choice.department(), choice.ruleId(), DispatchReason.REROUTED_AFTER_RETURN, List.of());
    }

    /** A forward names its target; an unknown one is routed on as if it had been returned. */
    public Outcome onForwarded(RequestRouting state, RoutingQuery query, String from, String to) {
        if (state.arbitrationPending() || state.closed()) {
            return Outcome.nothing(state);
        }
        var target = table.department(to).filter(d -> !d.code().equals(from));
        if (target.isPresent()) {
            return plan(state, target.get(), null, DispatchReason.FORWARDED, List.of());
        }
        RouteChoice choice = table.route(query, from == null ? Set.of() : Set.of(from));
        return plan(state, choice.department(), choice.ruleId(), DispatchReason.FORWARDED, List.of());
    }

    /** Someone asks the manager to decide before the ping-pong limit is reached; asking twice changes nothing. */
    public Outcome onArbitrationRequested(RequestRouting state) {
        return state.arbitrationPending() || state.closed() || state.attempt() == 0
                ? Outcome.nothing(state) : toArbitration(state);
    }

    /** The manager's ruling: final department and the departments found wrong (for scoring). */
    public Outcome arbitrate(RequestRouting state, String department, List<String> wrongDepartments) {
        if (!state.arbitrationPending()) {
            throw new RoutingRefused("no-arbitration-pending", "Request " + state.requestId() + " is not waiting for arbitration");
        }
        Department ruled = table.department(department).orElseThrow(() ->
                new RoutingRefused("unknown-department", "Department " + department + " does not exist"));
        List<String> wrong = wrongDepartments == null ? List.of() : wrongDepartments.stream().distinct().toList();
        for (String code : wrong) {
            // the desk that insisted on a transfer can be wrong too, so any known department may be named
            if (table.department(code).isEmpty()) {
                throw new RoutingRefused("unknown-department", "Department " + code + " does not exist");
            }
        }
        return plan(state, ruled, null, DispatchReason.ARBITRATED, wrong);
    }

    private Outcome toArbitration(RequestRouting state) {
        Department arbiter = table.department(policy.arbitrationDepartment()).orElse(table.desk());
        String manager = arbiter.manager();
        var plan = new DispatchPlan(state.attempt() + 1, arbiter, null, DispatchReason.REROUTED_AFTER_RETURN,
                state.currentDepartment(), List.of(), state.returnCount(), true, manager);
        return Outcome.dispatch(state, plan);
    }

    private Outcome plan(RequestRouting state, Department to, String ruleId, DispatchReason reason, List<String> wrong) {
        var plan = new DispatchPlan(state.attempt() + 1, to, ruleId, reason, state.currentDepartment(), wrong,
                state.returnCount(), false, null);
        return Outcome.dispatch(state, plan);
    }
}
