package org.fcr.schemas;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.fcr.events.DispatchDecision;
import org.fcr.events.DispatchOrder;
import org.fcr.events.Notification;
import org.fcr.events.RequestEvent;
import org.fcr.events.ScoreEntry;
import org.fcr.events.SlaEvent;
import org.fcr.events.StageStats;

/**
 * The one registry of topics (ARCHITECTURE §2). Each topic has exactly one writing service.
 */
public final class Topics {

    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    public static final String DISPATCH_PREFIX = "fcr.dispatch.";

    private static final Serde<String> KEY = Serdes.String();
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Written by intake-service, keyed by request id. */
    public static final Topic<String, RequestEvent> REQUESTS =
            new Topic<>("fcr.requests", KEY, AvroSerde.of(RequestEvent.class));

    /** Written by dispatch-service, keyed by request id. */
    public static final Topic<String, DispatchDecision> DISPATCH_DECISIONS =
            new Topic<>("fcr.dispatch.decisions", KEY, AvroSerde.of(DispatchDecision.class));

    /** Written by sla-monitor, keyed by request id. */
    public static final Topic<String, SlaEvent> SLA =
            new Topic<>("fcr.sla", KEY, AvroSerde.of(SlaEvent.class));

    /** Written by sla-monitor, keyed by department|category|stage. */
    public static final Topic<String, StageStats> STAGE_STATS =
            new Topic<>("fcr.stage-stats", KEY, AvroSerde.of(StageStats.class));

    /** Written by scoring-service, keyed by person or department id. */
    public static final Topic<String, ScoreEntry> SCORES =
            new Topic<>("fcr.scores", KEY, AvroSerde.of(ScoreEntry.class));

    /** Written by notification-service, keyed by recipient id. */
    public static final Topic<String, Notification> NOTIFICATIONS =
            new Topic<>("fcr.notifications", KEY, AvroSerde.of(Notification.class));

    private static final AvroSerde<DispatchOrder> DISPATCH_ORDER_SERDE = AvroSerde.of(DispatchOrder.class);

    /** The fixed topics every deployment creates at start. */
    public static final List<Topic<String, ?>> FIXED =
            List.of(REQUESTS, DISPATCH_DECISIONS, SLA, STAGE_STATS, SCORES, NOTIFICATIONS);

    private Topics() {
    }

    /** A department's work queue, {@code fcr.dispatch.<dept>}, written by dispatch-service, keyed by request id. */
    public static Topic<String, DispatchOrder> dispatchFor(String departmentCode) {
        String code = departmentCode == null ? "" : departmentCode.toLowerCase(Locale.ROOT);
        if (!DEPARTMENT_CODE.matcher(code).matches() || code.equals("decisions")) {
            throw new IllegalArgumentException("Not a valid department code for a topic name: " + departmentCode);
        }
        return new Topic<>(DISPATCH_PREFIX + code, KEY, DISPATCH_ORDER_SERDE);
    }
}
