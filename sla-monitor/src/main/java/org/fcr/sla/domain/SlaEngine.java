package org.fcr.sla.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fcr.events.Accepted;
import org.fcr.events.EscalationLevel;
import org.fcr.events.RequestContext;
import org.fcr.events.RequestEvent;
import org.fcr.events.Scope;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;

/**
 * The SLA rules of SPEC §5 applied to one request: request events start, end, pause and cancel
 * stage clocks; alarms tell reminders (督促), breaches and escalations as they fall due. It changes
 * the {@link RequestClock} it is given and returns what that caused; it knows nothing of Kafka.
 */
public final class SlaEngine {

    private final TimeStandards standards;

    public SlaEngine(TimeStandards standards) {
        this.standards = standards;
    }

    /** Applies one request event; an event already seen (same or lower sequence) changes nothing. */
    public Effects onEvent(RequestClock clock, RequestEvent event) {
        Effects out = new Effects();
        if (event.getSequence() <= clock.lastSequence()) {
            return out;
        }
        clock.seen(event.getSequence());
        remember(clock, event.getContext());
        Instant at = event.getOccurredAt();
        String cause = event.getEventId();
        StageChain.Transition step = StageChain.of(event.getType());
        switch (step.effect()) {
            case PAUSE -> pauseAll(clock, at, out);
            case RESUME -> resumeAll(clock, at, out);
            case CANCEL -> cancelAll(clock, at, cause, out);
            case RESTART -> {
                cancelAll(clock, at, cause, out);
                clock.nextAttempt();
            }
            case NONE -> { }
        }
        if (step.ends() == Stage.ACCEPT) {
            acceptAtOnce(clock, event, out);
        } else if (step.ends() != null) {
            endThrough(clock, StageChain.position(step.ends()), at, cause, out);
        }
        for (Stage ended : step.alsoEnds()) {
            clock.find(ended).ifPresent(stage -> end(clock, stage, at, cause, out));
        }
        for (Stage started : step.starts()) {
            start(clock, resolve(started, clock), at, cause, out);
        }
        return out;
    }

    /** Tells every alarm of {@code stage} that is due at {@code now}, in order. */
    public Effects onAlarm(RequestClock clock, Stage stage, Instant now) {
        Effects out = new Effects();
        OpenStage open = clock.find(stage).orElse(null);
        while (open != null && open.nextAlarmAt() != null && !open.nextAlarmAt().isAfter(now)) {
            switch (open.nextAlarm()) {
                case REMINDER -> {
                    // after downtime a reminder past its deadline is noise: the breach follows at once
                    if (open.deadline().isAfter(now)) {
                        out.events().add(SlaEvents.of(clock, open, SlaEventKind.REMINDER, now));
                    }
                    open.advanceAlarm();
                }
                case BREACH -> {
                    out.events().add(SlaEvents.of(clock, open, SlaEventKind.BREACHED, now));
                    open.markBreached();
                }
                case SUPERVISOR -> {
                    out.events().add(SlaEvents.escalated(clock, open, EscalationLevel.SUPERVISOR, now));
                    open.advanceAlarm();
                }
                case OFFICE_MANAGER -> {
                    out.events().add(SlaEvents.escalated(clock, open, EscalationLevel.OFFICE_MANAGER, now));
                    open.advanceAlarm();
                }
                case NONE -> open = null;
            }
        }
        return out;
    }

    private static void remember(RequestClock clock, RequestContext context) {
        if (context == null) {
            return;
        }
        clock.updateContext(new RequestFacts(context.getCategory(), context.getSubcategory(), context.getSize(),
                        context.getScope()), context.getDrill(), context.getDepartment(),
                Person.of(context.getHandler()), Person.of(context.getFirstResponder()));
    }

    /** An out-of-scope request is transferred (60 minutes) rather than dispatched. */
    private static Stage resolve(Stage stage, RequestClock clock) {
        return stage == Stage.DISPATCH && clock.facts().scope() == Scope.OUT_OF_SCOPE ? Stage.TRANSFER : stage;
    }

    /** The accept stage runs from when the customer reached us to when it was recorded: judged at once. */
    private void acceptAtOnce(RequestClock clock, RequestEvent event, Effects out) {
        Instant received = event.getPayload() instanceof Accepted accepted && accepted.getReceivedAt() != null
                ? accepted.getReceivedAt() : event.getOccurredAt();
        OpenStage stage = start(clock, Stage.ACCEPT, received, event.getEventId(), out);
        if (stage != null) {
            end(clock, stage, event.getOccurredAt(), event.getEventId(), out);
        }
    }

    private OpenStage start(RequestClock clock, Stage stage, Instant at, String cause, Effects out) {
        if (clock.startedThisAttempt(stage) || clock.find(stage).isPresent()) {
            return null;
        }
        var terms = standards.termsFor(clock.facts(), stage);
        if (terms.isEmpty()) {
            return null;
        }
        StageAlarms alarms = standards.alarmsFor(at, terms.get());
        OpenStage open = new OpenStage(stage, clock.attempt(), at, terms.get().standardMillis(), terms.get().clock(),
                cause, alarms, Alarm.REMINDER, null, 0, false);
        if (!alarms.reminder().isBefore(alarms.deadline())) {
            open.advanceAlarm();
        }
        clock.markStarted(stage);
        clock.open().add(open);
        out.events().add(SlaEvents.of(clock, open, SlaEventKind.STARTED, at));
        return open;
    }

    private void endThrough(RequestClock clock, int position, Instant at, String cause, Effects out) {
        for (OpenStage stage : new ArrayList<>(clock.open())) {
            int own = StageChain.position(stage.stage());
            if (own >= 0 && own <= position) {
                end(clock, stage, at, cause, out);
            }
        }
    }

    /** A stage done in time is MET; done late it is BREACHED now unless its breach was already told. */
    private void end(RequestClock clock, OpenStage stage, Instant at, String cause, Effects out) {
        boolean late = stage.lateAt(at);
        if (!stage.breached()) {
            out.events().add(SlaEvents.ended(clock, stage, late ? SlaEventKind.BREACHED : SlaEventKind.MET, at, cause));
        }
        out.outcomes().add(outcome(clock, stage, at, late || stage.breached()));
        clock.open().remove(stage);
    }

    /** Re-routing, reopening and closing stop the running clocks; breaches already told stay on record. */
    private void cancelAll(RequestClock clock, Instant at, String cause, Effects out) {
        for (OpenStage stage : List.copyOf(clock.open())) {
            out.events().add(SlaEvents.ended(clock, stage, SlaEventKind.CANCELLED, at, cause));
            if (stage.breached()) {
                out.outcomes().add(outcome(clock, stage, at, true));
            }
            clock.open().remove(stage);
        }
    }

    /** A paid service waiting for the customer's consent: the staff's clocks stand still. */
    private void pauseAll(RequestClock clock, Instant at, Effects out) {
        for (OpenStage stage : clock.open()) {
            if (!stage.paused()) {
                stage.pause(at);
                out.events().add(SlaEvents.of(clock, stage, SlaEventKind.PAUSED, at));
            }
        }
    }

    private void resumeAll(RequestClock clock, Instant at, Effects out) {
        for (OpenStage stage : clock.open()) {
            if (stage.paused()) {
                stage.resume(at);
                out.events().add(SlaEvents.of(clock, stage, SlaEventKind.RESUMED, at));
            }
        }
    }

    private static StageOutcome outcome(RequestClock clock, OpenStage stage, Instant at, boolean breached) {
        String department = clock.departmentFor(stage.stage());
        return new StageOutcome(department == null ? "unassigned" : department, clock.facts().category(),
                stage.stage(), stage.durationUntil(at), breached, at);
    }
}
