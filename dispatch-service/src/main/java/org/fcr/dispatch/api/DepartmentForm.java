package org.fcr.dispatch.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.fcr.dispatch.domain.Department;

/** A department as the admin page and API show and edit it. */
public record DepartmentForm(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String code,
                             @NotBlank String name, String phone, String supervisor, String manager,
                             boolean roundTheClock, List<@Valid ShiftForm> roster) {

    public Department toDepartment() {
        return new Department(code, name, phone, supervisor, manager, roundTheClock,
                roster == null ? List.of() : roster.stream().map(ShiftForm::toShift).toList());
    }

    public static DepartmentForm of(Department d) {
        return new DepartmentForm(d.code(), d.name(), d.phone(), d.supervisor(), d.manager(), d.roundTheClock(),
                d.roster().stream().map(ShiftForm::of).toList());
    }
}
