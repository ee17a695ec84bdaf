package org.fcr.intake.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import jakarta.validation.constraints.Size;

/**
 * A member of staff named in a body: either a username from the staff directory ({@code "eng01"})
 * or a full signature object ({@code {"employeeId":"E9","name":"…","rank":2}}) for staff outside it.
 */
public record StaffRef(@Size(max = 64) String username, @Size(max = 64) String employeeId,
                       @Size(max = 100) String name, @Size(max = 64) String department,
                       @Size(max = 32) String role, Integer rank) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public StaffRef {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StaffRef of(String username) {
        return new StaffRef(username, null, null, null, null, null);
    }
}
