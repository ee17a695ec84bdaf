package org.fcr.notification.domain;

import java.util.List;

/**
 * Who hears of one kind of occurrence, by which channels, with which template.
 *
 * @param urgent urgent notices ignore quiet hours (escalations, majors)
 */
public record RoutingRule(NoticeKind kind, String template, boolean urgent, List<Route> routes) {

    public RoutingRule {
        routes = List.copyOf(routes);
    }
}
