package org.fcr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fcr.events.Category;
import org.fcr.events.Notification;
import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;
import org.fcr.notification.api.NotificationView;
import org.fcr.notification.testing.NoticeEvents;
import org.fcr.notification.testing.RecordingHttpServer;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The whole service on a real KRaft broker and a real Mongo wire server, with a real SMTP server
 * (GreenMail) and real HTTP servers for the chat robot and the SMS gateway. Subclasses share one
 * application context (and these servers, which live as long as the test JVM).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fcr.notification.channels.email.enabled=true",
        "fcr.notification.channels.webhook.enabled=true",
        "fcr.notification.channels.sms.enabled=true",
        "fcr.notification.quiet-hours.start=00:00",
        "fcr.notification.quiet-hours.end=00:00",
        "fcr.notification.retry.max-attempts=3",
        "fcr.notification.retry.initial-backoff=150ms",
        "fcr.notification.retry.multiplier=2",
        "fcr.notification.retry.max-backoff=1s",
        "fcr.notification.delivery.tick=100ms",
        "fcr.notification.delivery.send-timeout=3s",
        "logging.level.org.fcr.notification=DEBUG"})
@AutoConfigureWebTestClient
abstract class ServiceTestBase {

    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    protected static final RecordingHttpServer ROBOT = new RecordingHttpServer();
    protected static final RecordingHttpServer SMS = new RecordingHttpServer();
    protected static final Duration WAIT = Duration.ofSeconds(20);

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification_service_test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("fcr.notification.channels.webhook.robots.default", () -> ROBOT.url("/robot"));
        registry.add("fcr.notification.channels.sms.gateway-url", () -> SMS.url("/sms"));
    }

    @Autowired
    protected WebTestClient client;
    @Autowired
    protected TopicPublisher publisher;

    // --- helpers

    static String newRequestId() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void publish(RequestEvent event) {
        publisher.publish(Topics.REQUESTS, event.getRequestId(), event).join();
    }

    void publish(org.fcr.events.SlaEvent event) {
        publisher.publish(Topics.SLA, event.getRequestId(), event).join();
    }

    List<NotificationView> list(String requestId) {
        return client.get().uri("/api/notifications?requestId={id}", requestId)
                .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<NotificationView>>() { })
                .returnResult().getResponseBody();
    }

    NotificationView get(String id) {
        return client.get().uri("/api/notifications/{id}", id)
                .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(NotificationView.class).returnResult().getResponseBody();
    }

    /** Waits until at least {@code min} notifications exist, none still open, one of them with {@code someStatus}. */
    List<NotificationView> awaitNotifications(String requestId, int min, String someStatus) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(list(requestId))
                .hasSizeGreaterThanOrEqualTo(min)
                .noneMatch(n -> n.status().equals("PENDING") || n.status().equals("FAILED"))
                .anyMatch(n -> n.status().equals(someStatus)));
        return list(requestId);
    }

    long mailsTo(String address, String text) throws Exception {
        long count = 0;
        for (var message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains(text)) {
                count++;
            }
        }
        return count;
    }

    static KafkaConsumer<String, Notification> outcomesConsumer() {
        Properties p = consumerProperties();
        KafkaConsumer<String, Notification> c = new KafkaConsumer<>(p, new StringDeserializer(),
                Topics.NOTIFICATIONS.valueSerde().deserializer());
        c.subscribe(List.of(Topics.NOTIFICATIONS.name()));
        return c;
    }

    static KafkaConsumer<byte[], byte[]> rawConsumer(String topic) {
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    static Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    static KafkaProducer<byte[], byte[]> rawProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
