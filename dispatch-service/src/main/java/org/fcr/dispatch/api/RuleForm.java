package org.fcr.dispatch.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.fcr.dispatch.domain.RoutingRule;
import org.fcr.dispatch.domain.TimeWindow;

/** A routing rule as the admin page and API show and edit it; empty conditions match anything. */
public record RuleForm(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String id, int priority,
                       String category, String subcategory, String building, String from, String to,
                       @NotBlank String department, Boolean enabled, String note) {

    public RoutingRule toRule() {
        if (!blank(category) && java.util.Arrays.stream(org.fcr.events.Category.values()).noneMatch(c -> c.name().equals(category.trim()))) {
            throw org.fcr.support.problem.ApiProblem.badRequest("unknown-category", "Not a request category: " + category)
                    .with("field", "category");
        }
        TimeWindow window = blank(from) || blank(to) ? TimeWindow.ALL_DAY
                : new TimeWindow(ShiftForm.time(from, "from"), ShiftForm.time(to, "to"));
        return new RoutingRule(id, priority, orNull(category), orNull(subcategory), orNull(building), window,
                department, enabled == null || enabled, note);
    }

    public static RuleForm of(RoutingRule r) {
        return new RuleForm(r.id(), r.priority(), r.category(), r.subcategory(), r.building(),
                r.window().from() == null ? null : r.window().from().toString(),
                r.window().to() == null ? null : r.window().to().toString(),
                r.department(), r.enabled(), r.note());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
