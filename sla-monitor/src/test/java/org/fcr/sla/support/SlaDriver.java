package org.fcr.sla.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.events.StageStats;
import org.fcr.schemas.Topics;
import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.domain.TimeStandards;
import org.fcr.sla.messaging.EngineSettings;
import org.fcr.sla.messaging.SlaTopology;
import org.fcr.sla.messaging.StreamsSettings;

/**
 * The SLA topology in a {@link TopologyTestDriver} whose wall clock the test moves: {@link #at}
 * advances the clock (running every punctuation on the way) and stamps the next event with it.
 */
public final class SlaDriver implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RequestEvent> requests;
    private final TestOutputTopic<String, SlaEvent> sla;
    private final TestOutputTopic<String, StageStats> stats;
    private final List<SlaEvent> seen = new ArrayList<>();
    private final Instant start;
    private Instant now;

    public static EngineSettings settings(int maxDuePerTick) {
        return new EngineSettings(Duration.ofMillis(250), maxDuePerTick,
                List.of(Duration.ofHours(1), Duration.ofDays(1)), Duration.ofMinutes(5));
    }

    public SlaDriver(TimeStandards standards, Path stateDir, Instant start) {
        this(standards, settings(20_000), stateDir, start);
    }

    public SlaDriver(TimeStandards standards, EngineSettings settings, Path stateDir, Instant start) {
        Properties props = StreamsSettings.of("sla-test", "localhost:1", stateDir.toString(), 1);
        this.driver = new TopologyTestDriver(SlaTopology.build(new SlaEngine(standards), settings), props, start);
        this.now = start;
        this.start = start;
        this.requests = driver.createInputTopic(Topics.REQUESTS.name(), Topics.REQUESTS.keySerde().serializer(),
                Topics.REQUESTS.valueSerde().serializer());
        this.sla = driver.createOutputTopic(Topics.SLA.name(), Topics.SLA.keySerde().deserializer(),
                Topics.SLA.valueSerde().deserializer());
        this.stats = driver.createOutputTopic(Topics.STAGE_STATS.name(), Topics.STAGE_STATS.keySerde().deserializer(),
                Topics.STAGE_STATS.valueSerde().deserializer());
    }

    public SlaDriver(Path stateDir) {
        this(ConfiguredStandards.standards(), stateDir, START);
    }

    public Instant now() {
        return now;
    }

    /** Moves the wall clock to {@code start + offset} (never back) and returns that instant. */
    public Instant at(Duration offset) {
        return advanceTo(start.plus(offset));
    }

    public Instant advanceTo(Instant target) {
        if (target.isAfter(now)) {
            driver.advanceWallClockTime(Duration.between(now, target));
            now = target;
        }
        return now;
    }

    public void send(RequestEvent event) {
        requests.pipeInput(event.getRequestId(), event, event.getOccurredAt());
    }

    /** Every SLA event produced so far, in order. */
    public List<SlaEvent> events() {
        seen.addAll(sla.readValuesToList());
        return List.copyOf(seen);
    }

    public List<SlaEvent> eventsOf(String requestId) {
        return events().stream().filter(e -> e.getRequestId().equals(requestId)).toList();
    }

    public List<StageStats> stats() {
        return stats.readValuesToList();
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
