package org.fcr.sla.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.fcr.events.RequestEvent;
import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.domain.TimeStandards;
import org.fcr.sla.messaging.RequestClockSerde;
import org.fcr.sla.messaging.SlaOutput;
import org.fcr.sla.messaging.SlaStores;
import org.fcr.sla.messaging.SlaTopology;
import org.fcr.sla.support.Requests;
import org.fcr.sla.support.SlaDriver;

/**
 * The clock processor on real RocksDB stores (no broker, no changelog, no cache): how fast it takes
 * request events, and what one punctuation costs with {@code open} stages held, of which 10,000
 * fall due in that tick.
 */
final class PunctuationCost {

    record Result(int open, double eventsPerSecond, double emptyTickMillis, List<Double> dueTickMillis,
                  long heapUsedMb, long dueHandledPerTick) {
    }

    private PunctuationCost() {
    }

    static Result measure(int open, int due, int rounds, TimeStandards standards, Path stateDir) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        MockProcessorContext<String, SlaOutput> context = new MockProcessorContext<>(props,
                new org.apache.kafka.streams.processor.TaskId(0, 0), java.nio.file.Files.createDirectories(stateDir).toFile());
        List<KeyValueStore<?, ?>> stores = List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaStores.CLOCKS), Serdes.String(), new RequestClockSerde())
                        .withLoggingDisabled().build(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaStores.DEADLINES), Serdes.Bytes(), Serdes.ByteArray())
                        .withLoggingDisabled().build(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaStores.BY_DEPARTMENT), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled().build());
        for (KeyValueStore<?, ?> store : stores) {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        Processor<String, RequestEvent, String, SlaOutput> clocks =
                SlaTopology.stageClocks(new SlaEngine(standards), SlaDriver.settings(20_000)).get();
        clocks.init(context);
        var tick = context.scheduledPunctuators().get(0).getPunctuator();

        Instant t0 = Instant.parse("2026-03-02T01:00:00Z");
        // background: open stages whose deadlines lie a day and more ahead
        long loadStart = System.nanoTime();
        for (int i = 0; i < open; i++) {
            send(clocks, Requests.faultRepair("B-" + i).dispatched(t0.plus(Duration.ofDays(1)).plusMillis(i)));
            if (i % 10_000 == 0) {
                context.resetForwards();
            }
        }
        double eventsPerSecond = open / ((System.nanoTime() - loadStart) / 1e9);
        context.resetForwards();
        // steady state: memtables flushed and RocksDB's background compaction given time to settle
        for (KeyValueStore<?, ?> store : stores) {
            store.flush();
        }
        Thread.sleep(Math.min(20_000, 2_000 + open / 100));

        List<Double> dueTicks = new ArrayList<>();
        double emptyTick = 0;
        long handled = 0;
        for (int round = 0; round < rounds; round++) {
            Instant deadline = t0.plus(Duration.ofHours(round));
            // acknowledge: 5 minutes, so these stages started 5 minutes before the deadline
            for (int i = 0; i < due; i++) {
                send(clocks, Requests.faultRepair("D-" + round + "-" + i).dispatched(deadline.minus(Duration.ofMinutes(5))));
            }
            context.resetForwards();
            emptyTick = timed(tick, deadline.minus(Duration.ofMinutes(2)));            // nothing due
            timed(tick, deadline.minusSeconds(30));                                    // 10k reminders (80 %)
            context.resetForwards();
            dueTicks.add(timed(tick, deadline.plusSeconds(1)));                        // 10k breaches
            handled = context.forwarded().size();
            context.resetForwards();
            timed(tick, deadline.plus(Duration.ofMinutes(11)));                        // their escalations, before the next round
            context.resetForwards();
        }
        System.gc();
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        for (KeyValueStore<?, ?> store : stores) {
            store.close();
        }
        return new Result(open, eventsPerSecond, emptyTick, dueTicks, heap, handled);
    }

    private static double timed(org.apache.kafka.streams.processor.Punctuator tick, Instant now) {
        long before = System.nanoTime();
        tick.punctuate(now.toEpochMilli());
        return (System.nanoTime() - before) / 1e6;
    }

    private static void send(Processor<String, RequestEvent, String, SlaOutput> clocks, RequestEvent event) {
        clocks.process(new Record<>(event.getRequestId(), event, event.getOccurredAt().toEpochMilli()));
    }
}
