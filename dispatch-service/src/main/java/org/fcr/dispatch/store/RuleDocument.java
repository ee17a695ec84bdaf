package org.fcr.dispatch.store;

import org.fcr.dispatch.api.RuleForm;
import org.springframework.data.mongodb.core.mapping.Document;

/** A routing rule as stored, keyed by its id. */
@Document("routing_rules")
public record RuleDocument(String id, int priority, String category, String subcategory, String building,
                           String from, String to, String department, Boolean enabled, String note) {

    public static RuleDocument of(RuleForm f) {
        return new RuleDocument(f.id(), f.priority(), f.category(), f.subcategory(), f.building(), f.from(), f.to(),
                f.department(), f.enabled() == null || f.enabled(), f.note());
    }

    public RuleForm toForm() {
        return new RuleForm(id, priority, category, subcategory, building, from, to, department, enabled, note);
    }
}
