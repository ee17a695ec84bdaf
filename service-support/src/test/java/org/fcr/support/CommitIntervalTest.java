package org.fcr.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.EventFixtures;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Listeners commit what they handled every {@code fcr.kafka.commit-interval}, not after every poll, and
 * what is still uncommitted when the listener stops is committed then: a restart reads nothing twice
 * that was handled before a clean stop.
 */
class CommitIntervalTest {

    private static final String GROUP = "commit-interval-test";
    static final Set<String> handled = ConcurrentHashMap.newKeySet();

    private ConfigurableApplicationContext service;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ServiceWithAListener {
        @Bean
        static ConcurrentKafkaListenerContainerFactory<String, RequestEvent> commitTestFactory(ListenerFactories factories) {
            return factories.forTopic(Topics.REQUESTS);
        }

        @KafkaListener(id = "commitIntervalTest", topics = "fcr.requests", groupId = GROUP,
                containerFactory = "commitTestFactory")
        void on(RequestEvent event) {
            handled.add(event.getRequestId());
        }
    }

    @AfterEach
    void cleanUp() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void offsetsAreCommittedOncePerIntervalAndAtTheStop() throws Exception {
        service = new SpringApplicationBuilder(ServiceWithAListener.class)
                .web(WebApplicationType.NONE)
                .run("--spring.config.import=classpath:fcr-defaults.yml",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("commit_interval_test"),
                        "--fcr.kafka.commit-interval=3s");
        TopicPublisher publisher = service.getBean(TopicPublisher.class);
        MessageListenerContainer container = service.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("commitIntervalTest");
        publisher.publish(Topics.REQUESTS, "COMMIT-0", EventFixtures.accepted("COMMIT-0", Instant.now())).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("COMMIT-0"));

        double commitsBefore = commits(container);
        // one record at a time, each its own poll: committing after every poll would commit ~15 times here
        for (int i = 1; i <= 15; i++) {
            String id = "COMMIT-" + i;
            publisher.publish(Topics.REQUESTS, id, EventFixtures.accepted(id, Instant.now())).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains(id));
            Thread.sleep(60);
        }
        assertThat(commits(container) - commitsBefore).as("commits while 15 polls were handled").isLessThanOrEqualTo(2);

        service.close();
        service = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            assertThat(committed).as("a committed offset for every partition").hasSize(ends.size()).isNotEmpty();
            committed.forEach((partition, offset) ->
                    assertThat(offset.offset()).as("committed at the stop, %s", partition).isEqualTo(ends.get(partition)));
        }
    }

    /** The consumer's own count of offset commits it made. */
    private static double commits(MessageListenerContainer container) {
        return container.metrics().values().stream()
                .flatMap(byClient -> byClient.entrySet().stream())
                .filter(e -> e.getKey().name().equals("commit-total")
                        && e.getKey().group().equals("consumer-coordinator-metrics"))
                .map(Map.Entry::getValue)
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }
}
