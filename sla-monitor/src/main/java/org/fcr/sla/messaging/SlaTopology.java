package org.fcr.sla.messaging;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.Topics;
import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.domain.StageOutcome;
import org.fcr.sla.domain.StageTally;

/**
 * fcr.requests → stage clocks (Processor API, ARCHITECTURE §5) → fcr.sla; finished stages →
 * windowed statistics per department × category × stage → fcr.stage-stats. Windows close on
 * stream time and serve statistics only; alarms never wait for them.
 */
public final class SlaTopology {

    private SlaTopology() {
    }

    public static Topology build(SlaEngine engine, EngineSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        // cached stores: a burst of alarms reads clocks written moments ago, and the changelogs get one write per key per commit
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaStores.CLOCKS),
                Serdes.String(), new RequestClockSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaStores.DEADLINES),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SlaStores.BY_DEPARTMENT),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

        KStream<String, SlaOutput> outputs = builder
                .stream(Topics.REQUESTS.name(), Consumed.with(Topics.REQUESTS.keySerde(), Topics.REQUESTS.valueSerde())
                        .withName("requests"))
                .process(stageClocks(engine, settings), Named.as("stage-clocks"),
                        SlaStores.CLOCKS, SlaStores.DEADLINES, SlaStores.BY_DEPARTMENT);

        outputs.filter((key, out) -> out.event() != null, Named.as("sla-events"))
                .mapValues(SlaOutput::event, Named.as("sla-event"))
                .to(Topics.SLA.name(), Produced.with(Topics.SLA.keySerde(), Topics.SLA.valueSerde()).withName("sla"));

        KGroupedStream<String, StageOutcome> finished = outputs
                .filter((key, out) -> out.outcome() != null, Named.as("finished-stages"))
                .map((key, out) -> KeyValue.pair(statisticsKey(out.outcome()), out.outcome()), Named.as("by-department-category-stage"))
                .groupByKey(Grouped.with("stage-outcomes", Serdes.String(), StatisticsSerdes.outcomes()));
        for (Duration size : settings.statisticsWindows()) {
            String name = "stage-stats-" + StageTally.label(size).toLowerCase();
            finished.windowedBy(TimeWindows.ofSizeAndGrace(size, settings.statisticsGrace()))
                    .emitStrategy(EmitStrategy.onWindowClose())
                    .aggregate(StageTally::new, (key, outcome, tally) -> tally.add(outcome), Named.as(name),
                            Materialized.<String, StageTally, WindowStore<Bytes, byte[]>>as(name)
                                    .withKeySerde(Serdes.String())
                                    .withValueSerde(StatisticsSerdes.tallies()))
                    .toStream(Named.as(name + "-closed"))
                    .map((window, tally) -> KeyValue.pair(window.key(),
                            tally.toStats(window.window().startTime(), window.window().endTime())), Named.as(name + "-stats"))
                    .to(Topics.STAGE_STATS.name(), Produced.with(Topics.STAGE_STATS.keySerde(),
                            Topics.STAGE_STATS.valueSerde()).withName(name + "-out"));
        }
        return builder.build();
    }

    /** The clock processor; it needs the three stores of {@link SlaStores}. */
    public static ProcessorSupplier<String, RequestEvent, String, SlaOutput> stageClocks(SlaEngine engine, EngineSettings settings) {
        return () -> new SlaClockProcessor(engine, settings);
    }

    /** The key of fcr.stage-stats: department|category|stage. */
    public static String statisticsKey(StageOutcome outcome) {
        return outcome.department() + "|" + outcome.category() + "|" + outcome.stage();
    }
}
