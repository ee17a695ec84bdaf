package org.fcr.support.test;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group is behind the end of some topics, as an operator's lag panel shows it. */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    public ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records on these topics not yet committed by the group (a partition it never committed counts whole). */
    public long of(String group, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                    OffsetSpec.latest()));
        }
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Waits until the group's lag on these topics is zero; answers how long that took. */
    public Duration awaitZero(String group, List<String> topics, Duration atMost) throws Exception {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        long lag = of(group, topics);
        while (lag > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Group " + group + " still " + lag + " records behind on " + topics
                        + " after " + atMost.toSeconds() + " s");
            }
            Thread.sleep(200);
            lag = of(group, topics);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
