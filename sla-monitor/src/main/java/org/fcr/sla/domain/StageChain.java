package org.fcr.sla.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fcr.events.RequestEventType;
import org.fcr.events.Stage;

/**
 * Which request event ends which stage and starts the next (SPEC §4, each stage timed "from the
 * previous stage's end"). An event that ends a stage also ends any earlier stage of the chain still
 * open, so a skipped step (straight from acknowledged to on site) does not leave a clock running.
 */
public final class StageChain {

    /** What an event does to the clocks besides ending and starting stages. */
    public enum Effect { NONE, PAUSE, RESUME, CANCEL, RESTART }

    /**
     * @param ends the chain stage this event completes (earlier open chain stages end with it), or null
     * @param alsoEnds stages outside the chain this event completes
     * @param starts stages whose clocks start; DISPATCH becomes TRANSFER for an out-of-scope request
     */
    public record Transition(Stage ends, List<Stage> alsoEnds, List<Stage> starts, Effect effect) {
    }

    /** The order of the chain; DEPARTMENT_REPLY runs beside it. */
    private static final List<Stage> ORDER = List.of(Stage.ACCEPT, Stage.DISPATCH, Stage.ACKNOWLEDGE,
            Stage.ORGANISE, Stage.ON_SITE, Stage.COMPLETE, Stage.REPORT_BACK, Stage.REVISIT);

    private static final Map<RequestEventType, Transition> TABLE = new EnumMap<>(RequestEventType.class);

    static {
        on(RequestEventType.ACCEPTED, Stage.ACCEPT, List.of(), List.of(Stage.DISPATCH), Effect.NONE);
        on(RequestEventType.REGISTERED, null, List.of(), List.of(Stage.DISPATCH), Effect.NONE);
        on(RequestEventType.DISPATCH_REQUESTED, null, List.of(), List.of(Stage.DISPATCH), Effect.NONE);
        on(RequestEventType.DISPATCHED, Stage.DISPATCH, List.of(), List.of(Stage.ACKNOWLEDGE, Stage.DEPARTMENT_REPLY), Effect.NONE);
        on(RequestEventType.ACKNOWLEDGED, Stage.ACKNOWLEDGE, List.of(), List.of(Stage.ORGANISE), Effect.NONE);
        on(RequestEventType.ORGANISED, Stage.ORGANISE, List.of(), List.of(Stage.ON_SITE), Effect.NONE);
        on(RequestEventType.ON_SITE, Stage.ON_SITE, List.of(), List.of(Stage.COMPLETE), Effect.NONE);
        on(RequestEventType.COMPLETED, Stage.COMPLETE, List.of(), List.of(Stage.REPORT_BACK), Effect.NONE);
        on(RequestEventType.REPORTED_BACK, Stage.REPORT_BACK, List.of(Stage.DEPARTMENT_REPLY), List.of(Stage.REVISIT), Effect.NONE);
        on(RequestEventType.CUSTOMER_NOTIFIED, null, List.of(Stage.DEPARTMENT_REPLY), List.of(), Effect.NONE);
        on(RequestEventType.REVISITED, Stage.REVISIT, List.of(), List.of(), Effect.NONE);
        on(RequestEventType.QUOTED, null, List.of(), List.of(), Effect.PAUSE);
        on(RequestEventType.CONSENT_GIVEN, null, List.of(), List.of(), Effect.RESUME);
        on(RequestEventType.RETURNED, null, List.of(), List.of(Stage.DISPATCH), Effect.RESTART);
        on(RequestEventType.FORWARDED, null, List.of(), List.of(Stage.DISPATCH), Effect.RESTART);
        on(RequestEventType.REOPENED, null, List.of(), List.of(Stage.DISPATCH), Effect.RESTART);
        on(RequestEventType.CONSENT_REFUSED, null, List.of(), List.of(), Effect.CANCEL);
        on(RequestEventType.MERGED, null, List.of(), List.of(), Effect.CANCEL);
        on(RequestEventType.CLOSED, null, List.of(), List.of(), Effect.CANCEL);
    }

    private static final Transition NOTHING = new Transition(null, List.of(), List.of(), Effect.NONE);

    private StageChain() {
    }

    private static void on(RequestEventType type, Stage ends, List<Stage> alsoEnds, List<Stage> starts, Effect effect) {
        TABLE.put(type, new Transition(ends, alsoEnds, starts, effect));
    }

    public static Transition of(RequestEventType type) {
        return TABLE.getOrDefault(type, NOTHING);
    }

    /** Position in the chain; TRANSFER stands where DISPATCH does; -1 for stages beside the chain. */
    public static int position(Stage stage) {
        return ORDER.indexOf(stage == Stage.TRANSFER ? Stage.DISPATCH : stage);
    }
}
