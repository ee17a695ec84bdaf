package org.fcr.support.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.fcr.schemas.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes to a registered {@link Topic} with that topic's serdes, through an idempotent,
 * acks=all producer; the future completes only when the broker has the record. It completes on a
 * publisher thread, never on the producer's network thread: a publish chained onto another's
 * completion would otherwise wait for metadata on the very thread that fetches it, and stall.
 */
public class TopicPublisher {

    private static final Executor COMPLETIONS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fcr-publish");
        thread.setDaemon(true);
        return thread;
    });

    private final KafkaTemplate<byte[], byte[]> template;

    public TopicPublisher(KafkaTemplate<byte[], byte[]> template) {
        this.template = template;
    }

    public <K, V> CompletableFuture<RecordMetadata> publish(Topic<K, V> topic, K key, V value) {
        return send(topic, key, value).thenApplyAsync(result -> result.getRecordMetadata(), COMPLETIONS);
    }

    /**
     * Publishes several records in this order; completes once the broker has them all, with one hand-over
     * to a publisher thread for the lot instead of one per record (an accept publishes three events).
     */
    public <K, V> CompletableFuture<Void> publishAll(Topic<K, V> topic, Function<V, K> keyOf, List<V> values) {
        CompletableFuture<?>[] sends = values.stream().map(v -> send(topic, keyOf.apply(v), v))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends).thenRunAsync(() -> { }, COMPLETIONS);
    }

    private <K, V> CompletableFuture<SendResult<byte[], byte[]>> send(Topic<K, V> topic, K key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return template.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes));
    }
}
