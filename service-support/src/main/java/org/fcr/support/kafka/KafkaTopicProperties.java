package org.fcr.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Partition and replication settings for every topic the platform creates. */
@ConfigurationProperties("fcr.kafka")
public class KafkaTopicProperties {

    /** Partitions of each topic; request-keyed topics keep one request's story in order. */
    private int partitions = 3;
    /** 1 for the single embedded broker; 3 in production. */
    private short replicationFactor = 1;

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
}
