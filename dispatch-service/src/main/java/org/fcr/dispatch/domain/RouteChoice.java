package org.fcr.dispatch.domain;

/** Where routing sent a request, and the rule that decided it (none when it fell back to the desk). */
public record RouteChoice(Department department, RoutingRule rule) {

    public boolean fallback() {
        return rule == null;
    }

    public String ruleId() {
        return rule == null ? null : rule.id();
    }
}
