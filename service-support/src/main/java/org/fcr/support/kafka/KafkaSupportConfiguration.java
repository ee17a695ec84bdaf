package org.fcr.support.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fcr.schemas.Topic;
import org.fcr.schemas.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The Kafka wiring every service shares: topics (and their dead-letter twins) created at start with
 * partitions from configuration, a byte-level idempotent producer behind {@link TopicPublisher},
 * and an error handler that retries a failing record as long as {@link FailureBackOff} says and then
 * parks it on {@code <topic>.DLT} with the original bytes and the error in headers, so consumption goes on
 * (counted by {@link ConsumptionMetrics}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicProperties.class)
public class KafkaSupportConfiguration {

    @Bean
    KafkaAdmin.NewTopics fcrTopics(KafkaTopicProperties settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.FIXED) {
            topics.add(newTopic(topic.name(), settings));
            topics.add(newTopic(topic.deadLetterName(), settings));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    public static NewTopic newTopic(String name, KafkaTopicProperties settings) {
        return TopicBuilder.name(name)
                .partitions(settings.getPartitions())
                .replicas(settings.getReplicationFactor())
                .build();
    }

    /**
     * A bean, so the context closes it at stop (sending what it still holds for at most
     * {@code fcr.kafka.producer-close-timeout}); a factory made inside the template's method was never closed.
     */
    @Bean
    DefaultKafkaProducerFactory<byte[], byte[]> fcrByteProducers(KafkaProperties properties, KafkaTopicProperties settings) {
        Map<String, Object> config = producerConfig(properties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return closedWithin(settings, new DefaultKafkaProducerFactory<byte[], byte[]>(config));
    }

    @Bean
    KafkaTemplate<byte[], byte[]> fcrByteTemplate(DefaultKafkaProducerFactory<byte[], byte[]> fcrByteProducers) {
        return new KafkaTemplate<>(fcrByteProducers);
    }

    @Bean
    TopicPublisher topicPublisher(KafkaTemplate<byte[], byte[]> fcrByteTemplate) {
        return new TopicPublisher(fcrByteTemplate);
    }

    /** Writes dead letters: a failed record holds raw bytes (undecodable) or decoded keys and events (listener failure). */
    @Bean
    DefaultKafkaProducerFactory<Object, Object> fcrDeadLetterProducers(KafkaProperties properties,
                                                                       KafkaTopicProperties settings) {
        return closedWithin(settings, new DefaultKafkaProducerFactory<Object, Object>(producerConfig(properties),
                new DeadLetterSerializer(), new DeadLetterSerializer()));
    }

    @Bean
    CommonErrorHandler fcrDeadLetterErrorHandler(DefaultKafkaProducerFactory<Object, Object> fcrDeadLetterProducers,
                                                 KafkaTopicProperties settings, ObjectProvider<MeterRegistry> meters) {
        var recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(fcrDeadLetterProducers),
                (record, ex) -> new org.apache.kafka.common.TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        // the fixed back-off serves a batch that failed without naming its record
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 2L));
        handler.setBackOffFunction(new FailureBackOff(settings.getTransientRetryFor())::forFailure);
        handler.setRetryListeners(new ConsumptionMetrics(meters.getIfAvailable(SimpleMeterRegistry::new)));
        return handler;
    }

    @Bean
    ListenerFactories listenerFactories(KafkaProperties properties, CommonErrorHandler fcrDeadLetterErrorHandler,
                                        KafkaTopicProperties settings) {
        return new ListenerFactories(properties, fcrDeadLetterErrorHandler, settings);
    }

    /** Boot's producer settings without a transactional id: these producers never run in a transaction. */
    private static Map<String, Object> producerConfig(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    private static <K, V> DefaultKafkaProducerFactory<K, V> closedWithin(KafkaTopicProperties settings,
                                                                        DefaultKafkaProducerFactory<K, V> producers) {
        producers.setPhysicalCloseTimeout((int) Math.max(1, settings.getProducerCloseTimeout().toSeconds()));
        return producers;
    }
}
