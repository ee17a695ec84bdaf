package org.fcr.dispatch.store;

import java.util.List;

import org.fcr.dispatch.api.DepartmentForm;
import org.fcr.dispatch.api.ShiftForm;
import org.springframework.data.mongodb.core.mapping.Document;

/** A department as stored; its code is the document id (and the suffix of its dispatch topic). */
@Document("departments")
public record DepartmentDocument(String id, String name, String phone, String supervisor, String manager,
                                 boolean roundTheClock, List<ShiftForm> roster) {

    public static DepartmentDocument of(DepartmentForm form) {
        return new DepartmentDocument(form.code(), form.name(), form.phone(), form.supervisor(), form.manager(),
                form.roundTheClock(), form.roster() == null ? List.of() : form.roster());
    }

    public DepartmentForm toForm() {
        return new DepartmentForm(id, name, phone, supervisor, manager, roundTheClock, roster);
    }
}
