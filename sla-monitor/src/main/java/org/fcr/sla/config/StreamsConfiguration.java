package org.fcr.sla.config;

import java.nio.file.Path;

import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.messaging.EngineSettings;
import org.fcr.sla.messaging.SlaStreams;
import org.fcr.sla.messaging.SlaTopology;
import org.fcr.sla.messaging.StreamsSettings;
import org.fcr.support.kafka.KafkaTopicProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka Streams application of sla-monitor, on the broker Spring Kafka is pointed at. */
@Configuration(proxyBeanMethods = false)
public class StreamsConfiguration {

    @Bean
    SlaStreams slaStreams(SlaEngine engine, EngineSettings settings, SlaProperties sla, KafkaProperties kafka,
                          KafkaTopicProperties topics) {
        String stateDir = sla.stateDir() != null && !sla.stateDir().isBlank() ? sla.stateDir()
                : Path.of(System.getProperty("java.io.tmpdir"), "fcr", "sla-monitor", "streams").toString();
        return new SlaStreams(SlaTopology.build(engine, settings), StreamsSettings.of(sla.applicationId(),
                String.join(",", kafka.getBootstrapServers()), stateDir, topics.getReplicationFactor()));
    }
}
