package org.fcr.dispatch.store;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.fcr.dispatch.domain.Department;
import org.fcr.dispatch.domain.DutyShift;
import org.fcr.dispatch.domain.HandlerPicker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Open work per person, in memory: which open request each person holds. The routing document of a
 * request already names its assignee in the write that changes it, so this costs no write at all;
 * it is rebuilt from those documents at start. A request is held by at most one person, so every
 * change is idempotent (a replayed ACKNOWLEDGED or COMPLETED counts once). Picking and holding are
 * one step, so two requests dispatched at the same moment spread across the shift.
 * With several instances each counts the requests of its own partitions (and all held at its start).
 */
@Component
public class OpenWork implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OpenWork.class);

    private final RoutingStore routings;
    private final Map<String, String> holderOf = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    public OpenWork(RoutingStore routings) {
        this.routings = routings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var holders = routings.holders().collectList().block(Duration.ofMinutes(5));
        holders.forEach(h -> hold(h.id(), h.assignee()));
        log.info("Open work rebuilt: {} open requests held", holders.size());
    }

    /** The least-loaded person on shift (ties by roster order), now holding the request; empty when nobody is on shift. */
    public synchronized Optional<DutyShift> pickAndHold(Department department, LocalDateTime at, String requestId) {
        Optional<DutyShift> chosen = HandlerPicker.pick(department, at, counts);
        hold(requestId, chosen.map(DutyShift::employeeId).orElse(null));
        return chosen;
    }

    /** The request is now held by this person (or by nobody). */
    public synchronized void hold(String requestId, String employeeId) {
        if (employeeId == null) {
            release(requestId);
            return;
        }
        String previous = holderOf.put(requestId, employeeId);
        if (!employeeId.equals(previous)) {
            decrement(previous);
            counts.merge(employeeId, 1, Integer::sum);
        }
    }

    public synchronized void release(String requestId) {
        decrement(holderOf.remove(requestId));
    }

    public synchronized Map<String, Integer> openWork(Collection<String> employeeIds) {
        Map<String, Integer> open = new HashMap<>();
        employeeIds.forEach(id -> open.put(id, counts.getOrDefault(id, 0)));
        return open;
    }

    private void decrement(String employeeId) {
        if (employeeId != null) {
            counts.computeIfPresent(employeeId, (id, n) -> n <= 1 ? null : n - 1);
        }
    }
}
