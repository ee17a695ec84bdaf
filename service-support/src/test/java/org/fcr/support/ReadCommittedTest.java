package org.fcr.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.EventFixtures;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
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

/**
 * Issue 18.3: sla-monitor writes fcr.sla in transactions (exactly-once). A listener of any service, with the
 * shared defaults, never sees what an aborted transaction wrote: it could have raised a penalty or sent a
 * notice for a breach that never happened.
 */
class ReadCommittedTest {

    static final Set<String> seen = ConcurrentHashMap.newKeySet();

    private ConfigurableApplicationContext service;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ServiceWithAListener {
        @Bean
        static ConcurrentKafkaListenerContainerFactory<String, RequestEvent> readCommittedFactory(ListenerFactories factories) {
            return factories.forTopic(Topics.REQUESTS);
        }

        @KafkaListener(id = "readCommittedTest", topics = "fcr.requests", groupId = "read-committed-test",
                containerFactory = "readCommittedFactory")
        void on(RequestEvent event) {
            seen.add(event.getRequestId());
        }
    }

    @AfterEach
    void cleanUp() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aListenerWithTheSharedDefaultsSkipsWhatAnAbortedTransactionWrote() throws Exception {
        service = new SpringApplicationBuilder(ServiceWithAListener.class)
                .web(WebApplicationType.NONE)
                .run("--spring.config.import=classpath:fcr-defaults.yml",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("read_committed_test"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "read-committed-test");
        var serializer = Topics.REQUESTS.valueSerde().serializer();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), "ABORTED-1", serializer.serialize(
                    Topics.REQUESTS.name(), EventFixtures.accepted("ABORTED-1", Instant.now())))).get();
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), "ABORTED-1", serializer.serialize(
                    Topics.REQUESTS.name(), EventFixtures.accepted("COMMITTED-1", Instant.now())))).get();
            producer.commitTransaction();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> seen.contains("COMMITTED-1"));
        // same key, same partition: the committed record comes after the aborted one, so that one was passed over
        assertThat(seen).doesNotContain("ABORTED-1");
    }
}
