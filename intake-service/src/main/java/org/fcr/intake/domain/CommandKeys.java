package org.fcr.intake.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fcr.events.RequestEvent;

/**
 * The Idempotency-Key of a stage command, kept on the events it wrote. A retry that takes over the
 * key of a call that died after its write (its answer never stored) finds the events already in the
 * timeline and answers with the request as it is, instead of running a repeatable command (escalate)
 * a second time or refusing a one-way step it already took.
 */
public final class CommandKeys {

    public static final String COMMAND_KEY = "commandKey";

    private CommandKeys() {
    }

    public static boolean alreadyApplied(List<RequestEvent> timeline, String commandKey) {
        return timeline.stream().anyMatch(e -> commandKey.equals(e.getAttributes().get(COMMAND_KEY)));
    }

    /** The decision with the key on each of its new events. */
    public static Decision tagged(Decision decision, String commandKey) {
        for (RequestEvent event : decision.events()) {
            Map<String, String> attributes = new HashMap<>(event.getAttributes());
            attributes.put(COMMAND_KEY, commandKey);
            event.setAttributes(Map.copyOf(attributes));
        }
        return decision;
    }
}
