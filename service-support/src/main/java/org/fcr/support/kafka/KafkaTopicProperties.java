package org.fcr.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Partition and replication settings for every topic the platform creates, and how consumers retry. */
@ConfigurationProperties("fcr.kafka")
public class KafkaTopicProperties {

    /** Partitions of each topic; request-keyed topics keep one request's story in order. */
    private int partitions = 3;
    /** 1 for the single embedded broker; 3 in production. */
    private short replicationFactor = 1;
    /** How long a consumer retries a record while the store or broker is away before parking it (see FailureBackOff). */
    private Duration transientRetryFor = Duration.ofMinutes(2);

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public Duration getTransientRetryFor() {
        return transientRetryFor;
    }

    public void setTransientRetryFor(Duration transientRetryFor) {
        this.transientRetryFor = transientRetryFor;
    }
}
