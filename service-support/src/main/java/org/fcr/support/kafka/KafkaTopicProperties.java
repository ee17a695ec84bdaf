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
    /**
     * How long a listener waits for the broker to take its offsets. Past it the commit is given up and the
     * records are read again later (consumers are idempotent); without it a service stopping while the
     * broker is away waited the client's default 60 s.
     */
    private Duration commitTimeout = Duration.ofSeconds(10);
    /**
     * How often a listener commits the offsets of what it has handled. Every commit is a round trip and a
     * write to the broker's offsets log; committing after every poll cost intake some 2 % of its CPU under
     * load. A restart reads at most this much again, and consumers are idempotent.
     */
    private Duration commitInterval = Duration.ofSeconds(1);
    /**
     * How long a stopping producer keeps trying to send what it still holds. What it drops was never
     * acknowledged, so no caller was told it was published: intake's outbox and the listeners' redelivery
     * send it again after the restart. Spring's default is 30 s.
     */
    private Duration producerCloseTimeout = Duration.ofSeconds(2);

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

    public Duration getCommitTimeout() {
        return commitTimeout;
    }

    public void setCommitTimeout(Duration commitTimeout) {
        this.commitTimeout = commitTimeout;
    }

    public Duration getCommitInterval() {
        return commitInterval;
    }

    public void setCommitInterval(Duration commitInterval) {
        this.commitInterval = commitInterval;
    }

    public Duration getProducerCloseTimeout() {
        return producerCloseTimeout;
    }

    public void setProducerCloseTimeout(Duration producerCloseTimeout) {
        this.producerCloseTimeout = producerCloseTimeout;
    }
}
