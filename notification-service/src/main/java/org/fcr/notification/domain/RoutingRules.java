package org.fcr.notification.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured table of {@link RoutingRule}s; a kind without a rule notifies nobody. */
public final class RoutingRules {

    private final Map<NoticeKind, RoutingRule> byKind = new EnumMap<>(NoticeKind.class);

    public RoutingRules(List<RoutingRule> rules) {
        for (RoutingRule rule : rules) {
            if (byKind.put(rule.kind(), rule) != null) {
                throw new IllegalArgumentException("Two routing rules for " + rule.kind());
            }
        }
    }

    public Optional<RoutingRule> forKind(NoticeKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
