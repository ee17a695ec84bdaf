package org.fcr.support.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.fcr.schemas.Topic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Builds a listener container factory for one registered {@link Topic}: its own serdes wrapped in
 * error-handling deserializers (a poison record becomes a dead letter, not a stuck partition) and
 * the shared dead-letter error handler. Offsets are committed with a bounded wait
 * ({@code fcr.kafka.commit-timeout}), so a service stops in bounded time while the broker is away, and
 * at most every {@code fcr.kafka.commit-interval} rather than after every poll (and when partitions
 * are taken away or the listener stops).
 */
public class ListenerFactories {

    private final KafkaProperties properties;
    private final CommonErrorHandler errorHandler;
    private final KafkaTopicProperties settings;

    public ListenerFactories(KafkaProperties properties, CommonErrorHandler errorHandler,
                             KafkaTopicProperties settings) {
        this.properties = properties;
        this.errorHandler = errorHandler;
        this.settings = settings;
    }

    public <K, V> ConcurrentKafkaListenerContainerFactory<K, V> forTopic(Topic<K, V> topic) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumerFactory = new DefaultKafkaConsumerFactory<K, V>(config,
                new ErrorHandlingDeserializer<>(topic.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer()));
        var factory = new ConcurrentKafkaListenerContainerFactory<K, V>();
        factory.setConsumerFactory(consumerFactory);
        factory.setCommonErrorHandler(errorHandler);
        ContainerProperties container = factory.getContainerProperties();
        container.setSyncCommitTimeout(settings.getCommitTimeout());
        container.setAckMode(ContainerProperties.AckMode.TIME);
        container.setAckTime(settings.getCommitInterval().toMillis());
        return factory;
    }

    /** As {@link #forTopic}, for a listener that takes a whole poll at a time (see {@link KeyedBatch}). */
    public <K, V> ConcurrentKafkaListenerContainerFactory<K, V> forBatchesOf(Topic<K, V> topic) {
        var factory = forTopic(topic);
        factory.setBatchListener(true);
        return factory;
    }
}
