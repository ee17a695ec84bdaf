package org.fcr.intake.api;

import java.util.List;

import org.fcr.events.Actor;
import org.fcr.support.problem.ApiProblem;
import org.fcr.support.security.StaffDirectory;
import org.springframework.stereotype.Component;

/** Turns names in a body into event signatures, through the staff directory (which knows ranks). */
@Component
public class StaffResolver {

    private final StaffDirectory directory;

    public StaffResolver(StaffDirectory directory) {
        this.directory = directory;
    }

    public Actor resolve(StaffRef ref, String field) {
        if (ref == null) {
            return null;
        }
        String username = ref.username() != null ? ref.username() : ref.employeeId();
        if (username == null || username.isBlank()) {
            throw ApiProblem.badRequest("validation", field + ": name a username or an employeeId").with("field", field);
        }
        var member = directory.find(username);
        if (member.isPresent()) {
            return member.get().toActor();
        }
        if (ref.username() != null && ref.employeeId() == null) {
            throw ApiProblem.badRequest("unknown-staff", field + ": no staff member " + username).with("field", field);
        }
        return Actor.newBuilder()
                .setEmployeeId(ref.employeeId())
                .setName(ref.name() == null ? ref.employeeId() : ref.name())
                .setDepartment(ref.department())
                .setRole(ref.role())
                .setRank(ref.rank() == null ? 0 : ref.rank())
                .build();
    }

    public List<Actor> resolveAll(List<StaffRef> refs, String field) {
        if (refs == null) {
            return List.of();
        }
        return refs.stream().map(r -> resolve(r, field)).toList();
    }
}
