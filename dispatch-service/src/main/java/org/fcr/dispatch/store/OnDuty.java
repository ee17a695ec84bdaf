package org.fcr.dispatch.store;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fcr.dispatch.domain.Department;
import org.fcr.dispatch.domain.DutyShift;
import org.fcr.dispatch.domain.HandlerPicker;
import org.fcr.events.Actor;
import org.fcr.support.security.StaffDirectory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Who is on shift in a department at a moment, how much open work each holds, and who gets the
 * next ticket. People on a roster need not be able to sign in; staff who can are signed with their
 * directory entry (name, rank, role).
 */
@Component
public class OnDuty {

    /** A person on shift with their open work, for the routing tester. */
    public record Person(String employeeId, String name, int openWork) {
    }

    private final OpenWork openWork;
    private final StaffDirectory staff;

    public OnDuty(OpenWork openWork, StaffDirectory staff) {
        this.openWork = openWork;
        this.staff = staff;
    }

    /** Everyone on shift with their open work, and the one of them who gets the next ticket. */
    public record Shift(List<Person> people, Optional<Person> next) {
    }

    public Mono<Shift> shift(Department department, LocalDateTime at) {
        List<DutyShift> shifts = department.onShift(at);
        Map<String, Integer> open = openWork.openWork(shifts.stream().map(DutyShift::employeeId).distinct().toList());
        return Mono.just(new Shift(shifts.stream().map(s -> person(s, open)).distinct().toList(),
                HandlerPicker.pick(department, at, open).map(s -> person(s, open))));
    }

    /**
     * The least-loaded person on shift, who from now on holds the request; empty when nobody is on
     * shift (the department names a handler when it acknowledges).
     */
    public Optional<Actor> pickAndHold(Department department, LocalDateTime at, String requestId) {
        return openWork.pickAndHold(department, at, requestId)
                .map(shift -> actor(shift.employeeId(), shift.name(), department.code()));
    }

    public Actor actor(String employeeId, String name, String department) {
        return staff.find(employeeId).map(StaffDirectory.StaffMember::toActor).orElseGet(() -> Actor.newBuilder()
                .setEmployeeId(employeeId)
                .setName(name == null ? employeeId : name)
                .setDepartment(department)
                .setRole("DEPARTMENT")
                .build());
    }

    private static Person person(DutyShift shift, Map<String, Integer> open) {
        return new Person(shift.employeeId(), shift.name(), open.getOrDefault(shift.employeeId(), 0));
    }
}
