package org.fcr.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.EventFixtures;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A service whose broker is gone still stops in seconds: its listener gives up the offset commit after
 * {@code fcr.kafka.commit-timeout} and its producer drops what it could not send after
 * {@code fcr.kafka.producer-close-timeout}. Before, the same stop took 30 s or more: a commit waited up to
 * 60 s for a coordinator and Spring up to 30 s for the listener (17 s here with only the commit timeout taken away).
 * The broker here is the test's own: it is stopped in the middle.
 */
class StopWithoutBrokerTest {

    static final CountDownLatch received = new CountDownLatch(1);
    static final CountDownLatch brokerGone = new CountDownLatch(1);

    private EmbeddedKafkaKraftBroker broker;
    private ConfigurableApplicationContext service;

    /** Just the shared wiring and one listener that is mid-record when the broker goes. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ServiceWithAListener {
        @Bean
        static ConcurrentKafkaListenerContainerFactory<String, RequestEvent> stopTestFactory(ListenerFactories factories) {
            return factories.forTopic(Topics.REQUESTS);
        }

        @KafkaListener(topics = "fcr.requests", groupId = "stop-test", containerFactory = "stopTestFactory")
        void on(RequestEvent event) throws InterruptedException {
            received.countDown();
            // the record is handled once the broker is gone: its offset must then be committed without a broker
            brokerGone.await(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void cleanUp() {
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aServiceWhoseBrokerIsGoneStopsWithinItsTimeouts() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        service = new SpringApplicationBuilder(ServiceWithAListener.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                // arguments, not default properties: those would lose to fcr-defaults.yml
                .run("--spring.config.import=classpath:fcr-defaults.yml",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("stop_without_broker_test"),
                        "--fcr.kafka.partitions=1",
                        "--fcr.kafka.commit-timeout=2s",
                        "--fcr.kafka.producer-close-timeout=2s",
                        "--spring.kafka.producer.properties.max.block.ms=2000");
        TopicPublisher publisher = service.getBean(TopicPublisher.class);
        publisher.publish(Topics.REQUESTS, "STOP-1", EventFixtures.accepted("STOP-1", Instant.now())).get(30, TimeUnit.SECONDS);
        assertThat(received.await(60, TimeUnit.SECONDS)).as("the listener got the record").isTrue();

        broker.destroy();
        broker = null;
        brokerGone.countDown();
        // an event sent now cannot be delivered: the send gives up after max.block.ms if the producer has
        // forgotten the topic's partitions, else the producer holds it and its close must not wait 30 s
        CompletableFuture<RecordMetadata> stranded = CompletableFuture
                .supplyAsync(() -> publisher.publish(Topics.REQUESTS, "STOP-2", EventFixtures.accepted("STOP-2", Instant.now())))
                .thenCompose(sent -> sent);

        long started = System.nanoTime();
        service.close();
        service = null;
        Duration stop = Duration.ofNanos(System.nanoTime() - started);

        // commit (2 s) + producer close (2 s) + the rest of a stop
        assertThat(stop).isLessThan(Duration.ofSeconds(12));
        // the stranded event was failed, not reported as published
        await().atMost(Duration.ofSeconds(5)).until(stranded::isDone);
        assertThat(stranded).isCompletedExceptionally();
    }
}
