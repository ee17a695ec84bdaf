package org.fcr.sla.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.sla.domain.Effects;
import org.fcr.sla.domain.OpenStage;
import org.fcr.sla.domain.RequestClock;
import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.domain.StageOutcome;

/**
 * Keeps every request's stage clocks and tells what falls due. Request events drive the
 * {@link SlaEngine}; a wall-clock punctuator (never stream time, which stops when no events come)
 * range-scans the deadline index from 0 to now, handles at most {@code maxDuePerTick} entries and
 * stops at the first future key, so a tick costs what is due, not what is open. The index moves in
 * the same exactly-once transaction as the events it causes: no alarm is lost or told twice.
 */
final class SlaClockProcessor implements Processor<String, RequestEvent, String, SlaOutput> {

    private static final byte[] MARK = {1};

    private final SlaEngine engine;
    private final EngineSettings settings;
    private ProcessorContext<String, SlaOutput> context;
    private KeyValueStore<String, RequestClock> clocks;
    private KeyValueStore<Bytes, byte[]> deadlines;
    private KeyValueStore<String, byte[]> byDepartment;
    /**
     * Everything due before this instant has been told. Scanning from here instead of from 0 skips
     * the deletion markers RocksDB keeps for handled keys until compaction (otherwise every tick
     * would walk over them). In memory only: after a restart the first tick scans from 0 once.
     */
    private long lowWater;

    SlaClockProcessor(SlaEngine engine, EngineSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SlaOutput> context) {
        this.context = context;
        this.clocks = context.getStateStore(SlaStores.CLOCKS);
        this.deadlines = context.getStateStore(SlaStores.DEADLINES);
        this.byDepartment = context.getStateStore(SlaStores.BY_DEPARTMENT);
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::tellWhatIsDue);
    }

    @Override
    public void process(Record<String, RequestEvent> record) {
        RequestEvent event = record.value();
        if (event == null) {
            return;
        }
        String requestId = event.getRequestId();
        RequestClock stored = clocks.get(requestId);
        RequestClock clock = stored != null ? stored : RequestClock.fresh(requestId);
        long seenBefore = clock.lastSequence();
        Set<Bytes> before = indexKeys(clock);
        Effects effects = engine.onEvent(clock, event);
        if (clock.lastSequence() == seenBefore) {
            return; // a replayed event: nothing changed
        }
        save(clock, before);
        forward(requestId, effects);
    }

    /** The punctuator: what is due now, earliest first, capped per tick. */
    void tellWhatIsDue(long nowMillis) {
        List<Bytes> due = new ArrayList<>();
        long from = lowWater;
        try (KeyValueIterator<Bytes, byte[]> it = deadlines.range(DeadlineKey.bound(from), DeadlineKey.bound(nowMillis + 1))) {
            while (it.hasNext() && due.size() < settings.maxDuePerTick()) {
                due.add(it.next().key);
            }
        }
        // capped: what shares the last key's instant may be left, so the next tick starts there
        lowWater = due.size() < settings.maxDuePerTick() ? nowMillis + 1 : DeadlineKey.dueMillisOf(due.get(due.size() - 1));
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (Bytes key : due) {
            DeadlineKey deadline = DeadlineKey.from(key);
            RequestClock clock = clocks.get(deadline.requestId());
            Set<Bytes> before = clock == null ? Set.of() : indexKeys(clock);
            if (!before.contains(key)) {
                deadlines.delete(key); // left behind by a change the index missed: harmless, drop it
                continue;
            }
            Effects effects = engine.onAlarm(clock, deadline.stage(), now);
            save(clock, before);
            forward(clock.requestId(), effects);
        }
    }

    private void save(RequestClock clock, Set<Bytes> before) {
        Set<Bytes> after = indexKeys(clock);
        for (Bytes key : before) {
            if (!after.contains(key)) {
                deadlines.delete(key);
            }
        }
        for (Bytes key : after) {
            if (!before.contains(key)) {
                deadlines.put(key, MARK);
                lowWater = Math.min(lowWater, DeadlineKey.dueMillisOf(key));
            }
        }
        String listing = clock.listingDepartment();
        if (!Objects.equals(listing, clock.listedUnder())) {
            if (clock.listedUnder() != null) {
                byDepartment.delete(SlaStores.departmentKey(clock.listedUnder(), clock.requestId()));
            }
            if (listing != null) {
                byDepartment.put(SlaStores.departmentKey(listing, clock.requestId()), MARK);
            }
            clock.listUnder(listing);
        }
        clocks.put(clock.requestId(), clock);
    }

    private static Set<Bytes> indexKeys(RequestClock clock) {
        Set<Bytes> keys = new HashSet<>();
        for (OpenStage stage : clock.open()) {
            Instant due = stage.nextAlarmAt();
            if (due != null) {
                keys.add(DeadlineKey.of(due, clock.requestId(), stage.stage()).toBytes());
            }
        }
        return keys;
    }

    private void forward(String requestId, Effects effects) {
        for (SlaEvent event : effects.events()) {
            context.forward(new Record<>(requestId, SlaOutput.of(event), event.getOccurredAt().toEpochMilli()));
        }
        for (StageOutcome outcome : effects.outcomes()) {
            context.forward(new Record<>(requestId, SlaOutput.of(outcome), outcome.endedAt().toEpochMilli()));
        }
    }
}
