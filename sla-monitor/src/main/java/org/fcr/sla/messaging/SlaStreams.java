package org.fcr.sla.messaging;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the topology for the life of the application; started after the platform's topics exist
 * (service-support creates them when the context refreshes) and closed cleanly on shutdown, so the
 * next start restores its state from the local store or the changelogs.
 */
public class SlaStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaStreams.class);

    private final Topology topology;
    private final Properties properties;
    private volatile KafkaStreams streams;

    public SlaStreams(Topology topology, Properties properties) {
        this.topology = topology;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(error -> {
            log.error("SLA stream thread failed; replacing it", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        log.info("SLA engine started (application id {}, state in {})", properties.get("application.id"),
                properties.get("state.dir"));
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            // leaving the group lets a restarted or surviving instance take the partitions at once
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(15)));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The running instance, for interactive queries; null while stopped. */
    public KafkaStreams streams() {
        return streams;
    }
}
