package org.fcr.support.kafka;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.fcr.schemas.Topic;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to a registered {@link Topic} with that topic's serdes, through an idempotent,
 * acks=all producer; the future completes only when the broker has the record.
 */
public class TopicPublisher {

    private final KafkaTemplate<byte[], byte[]> template;

    public TopicPublisher(KafkaTemplate<byte[], byte[]> template) {
        this.template = template;
    }

    public <K, V> CompletableFuture<RecordMetadata> publish(Topic<K, V> topic, K key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return template.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes))
                .thenApply(result -> result.getRecordMetadata());
    }
}
