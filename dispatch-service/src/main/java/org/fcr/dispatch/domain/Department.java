package org.fcr.dispatch.domain;

import java.util.List;
import java.util.Objects;

/**
 * A department or post that can be dispatched to (工程维修部, 秩序维护部 …), with the people who
 * answer for it and its duty roster. {@code roundTheClock} marks 24-hour posts, which must always
 * have someone on shift.
 */
public record Department(String code, String name, String phone, String supervisor, String manager,
                         boolean roundTheClock, List<DutyShift> roster) {

    public Department {
        Objects.requireNonNull(code, "code");
        name = name == null || name.isBlank() ? code : name;
        roster = roster == null ? List.of() : List.copyOf(roster);
    }

    public List<DutyShift> onShift(java.time.LocalDateTime at) {
        return roster.stream().filter(shift -> shift.covers(at)).toList();
    }
}
