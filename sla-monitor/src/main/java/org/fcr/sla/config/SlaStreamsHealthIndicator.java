package org.fcr.sla.config;

import org.apache.kafka.streams.KafkaStreams;
import org.fcr.sla.messaging.SlaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The engine is healthy while its stream threads run or rebalance (restoring state after a restart
 * is part of rebalancing); a failed or stopped engine tells no breach and is reported down.
 */
@Component("stageClocksHealthIndicator")
public class SlaStreamsHealthIndicator implements HealthIndicator {

    private final SlaStreams streams;

    public SlaStreamsHealthIndicator(SlaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams running = streams.streams();
        if (running == null) {
            return Health.down().withDetail("state", "STOPPED").build();
        }
        KafkaStreams.State state = running.state();
        Health.Builder health = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).build();
    }
}
