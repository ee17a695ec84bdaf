package org.fcr.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fcr.notification.channel.InAppChannel;
import org.fcr.notification.channel.InAppHub;
import org.fcr.notification.channel.RobotWebhookChannel;
import org.fcr.notification.channel.SmsGatewayChannel;
import org.fcr.notification.domain.ChannelKind;
import org.fcr.notification.domain.Customer;
import org.fcr.notification.domain.DeliveryStatus;
import org.fcr.notification.domain.NoticeKind;
import org.fcr.notification.domain.NoticePlanner;
import org.fcr.notification.domain.Occurrence;
import org.fcr.notification.domain.QuietHours;
import org.fcr.notification.domain.RetryPolicy;
import org.fcr.notification.messaging.OutcomePublisher;
import org.fcr.notification.store.LookupIndex;
import org.fcr.notification.store.NotificationDocument;
import org.fcr.notification.store.NotificationStore;
import org.fcr.notification.store.PendingIndex;
import org.fcr.notification.testing.FakeDirectory;
import org.fcr.notification.testing.MutableClock;
import org.fcr.notification.testing.RecordingHttpServer;
import org.fcr.notification.testing.ShippedSettings;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import com.mongodb.reactivestreams.client.MongoClients;

/**
 * The delivery loop on a real Mongo wire server, a real broker and real HTTP servers, with a clock
 * moved by hand: quiet hours, exponential backoff, give-up, a hanging channel, leases, stray pointers.
 */
class DeliveryLoopTest {

    static final Instant NIGHT = Instant.parse("2026-03-02T15:30:00Z"); // 23:30 Shanghai
    static final Instant MORNING = Instant.parse("2026-03-03T00:00:00Z"); // 08:00 Shanghai
    static final Duration WAIT = Duration.ofSeconds(20);

    static final RecordingHttpServer SMS = new RecordingHttpServer();
    static final RecordingHttpServer ROBOT = new RecordingHttpServer();
    static final ReactiveMongoTemplate MONGO = new ReactiveMongoTemplate(
            MongoClients.create(TestInfrastructure.mongoUri("delivery_loop_test")), "delivery_loop_test");

    final MutableClock clock = new MutableClock(NIGHT);
    final NotificationStore store = new NotificationStore(MONGO);
    final PendingIndex pending = new PendingIndex(MONGO);
    final InAppHub hub = new InAppHub();
    NotificationIntake intake;
    DeliveryLoop loop;

    @BeforeEach
    void wire() {
        var planner = new NoticePlanner(ShippedSettings.rules(), new FakeDirectory(), ShippedSettings.templates(),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai")),
                EnumSet.allOf(ChannelKind.class), "zh-CN");
        var producer = new DefaultKafkaProducerFactory<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        var outcomes = new OutcomePublisher(new TopicPublisher(new KafkaTemplate<>(producer)), clock);
        intake = new NotificationIntake(planner, store, pending, new LookupIndex(MONGO, clock, java.time.Duration.ofDays(30)), outcomes, clock);
        WebClient http = WebClient.create();
        loop = new DeliveryLoop(store, pending, Map.of(
                ChannelKind.SMS, new SmsGatewayChannel(http, SMS.url("/sms")),
                ChannelKind.WEBHOOK, new RobotWebhookChannel(http),
                ChannelKind.IN_APP, new InAppChannel(hub, clock)),
                new RetryPolicy(3, Duration.ofSeconds(10), 3, Duration.ofMinutes(5)), outcomes, clock, 100,
                Duration.ofSeconds(60), Duration.ofSeconds(2)); // send timeout: roomy for a first send on a busy machine
        SMS.healthy();
        ROBOT.healthy();
    }

    @AfterAll
    static void stop() {
        SMS.close();
        ROBOT.close();
    }

    @Test
    void aCustomerMessageInQuietHoursWaitsForTheMorningAndIsNotDropped() {
        String requestId = newRequestId();
        intake.accept(customerNotice(requestId, NoticeKind.DISPATCHED, false)).block(WAIT);
        String id = requestId + "-5:dispatched:customer:" + requestId + ":sms";

        tick();
        assertThat(SMS.receivedContaining(requestId)).isEmpty();
        assertThat(status(id)).isEqualTo(DeliveryStatus.PENDING);

        clock.set(MORNING.minusSeconds(1));
        tick();
        assertThat(SMS.receivedContaining(requestId)).isEmpty();

        clock.set(MORNING);
        tick();
        assertThat(SMS.receivedContaining(requestId)).hasSize(1);
        assertThat(status(id)).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void anUrgentCustomerMessageIgnoresQuietHours() {
        String requestId = newRequestId();
        intake.accept(customerNotice(requestId, NoticeKind.DISPATCHED, true)).block(WAIT);
        tick();
        assertThat(SMS.receivedContaining(requestId)).hasSize(1);
    }

    @Test
    void aFailingGatewayIsRetriedWithGrowingWaitsThenGivenUp() {
        clock.set(MORNING);
        SMS.answer(503, "{}");
        String requestId = newRequestId();
        intake.accept(customerNotice(requestId, NoticeKind.DISPATCHED, false)).block(WAIT);
        String id = requestId + "-5:dispatched:customer:" + requestId + ":sms";

        tick();
        assertThat(store.find(id).block()).satisfies(n -> {
            assertThat(n.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.lastError()).contains("503");
            assertThat(n.dueAt()).isEqualTo(MORNING.plusSeconds(10));
        });
        clock.advance(Duration.ofSeconds(9));
        tick();
        assertThat(SMS.receivedContaining(requestId)).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        tick();
        assertThat(SMS.receivedContaining(requestId)).hasSize(2);
        assertThat(store.find(id).block().dueAt()).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(30));
        tick();
        assertThat(SMS.receivedContaining(requestId)).hasSize(3);
        assertThat(store.find(id).block()).satisfies(n -> {
            assertThat(n.status()).isEqualTo(DeliveryStatus.GIVEN_UP);
            assertThat(n.attempts()).isEqualTo(3);
        });
        assertThat(pending.entries().block()).doesNotContainKey(id);

        clock.advance(Duration.ofHours(1));
        tick();
        assertThat(SMS.receivedContaining(requestId)).hasSize(3);
    }

    @Test
    void aHangingChannelDelaysOnlyItsOwnNotifications() {
        ROBOT.delay(Duration.ofSeconds(6)); // well past the 2 s send timeout
        String requestId = newRequestId();
        plantReminderWithRobot(requestId);

        tick();
        String robotId = requestId + "-7:reminder:robot:engineering:webhook";
        assertThat(store.find(robotId).block()).satisfies(n -> {
            assertThat(n.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(n.lastError()).contains("Timeout");
        });
        for (String person : new String[] {"eng01", "desk01", "desk02", "staff01"}) {
            assertThat(status(requestId + "-7:reminder:" + person + ":in_app")).as(person).isEqualTo(DeliveryStatus.SENT);
        }
    }

    @Test
    void eachChannelIsWorkedThroughByItsOwnTick() {
        ROBOT.delay(Duration.ofSeconds(6));
        String requestId = newRequestId();
        plantReminderWithRobot(requestId);

        // the scheduler runs one ticker per channel: the in-app tick never waits for the hanging robot
        loop.tick(ChannelKind.IN_APP).block(WAIT);
        for (String person : new String[] {"eng01", "desk01", "desk02", "staff01"}) {
            assertThat(status(requestId + "-7:reminder:" + person + ":in_app")).as(person).isEqualTo(DeliveryStatus.SENT);
        }
        assertThat(status(requestId + "-7:reminder:robot:engineering:webhook")).isEqualTo(DeliveryStatus.PENDING);
    }

    /** A reminder whose planned notices include the engineering robot (a webhook at /hang). */
    void plantReminderWithRobot(String requestId) {
        var reminder = new Occurrence(requestId + "-7", NoticeKind.REMINDER, requestId, NIGHT, false, false,
                Customer.none(), "staff01", "eng01", "engineering", null, Map.of("stage", "COMPLETE"));
        var withRobot = new FakeDirectory() {
            @Override
            public java.util.Optional<Group> robotFor(String department) {
                return java.util.Optional.of(new Group("robot:engineering", ROBOT.url("/hang")));
            }
        };
        var planner = new NoticePlanner(ShippedSettings.rules(), withRobot, ShippedSettings.templates(),
                QuietHours.none(), EnumSet.allOf(ChannelKind.class), "zh-CN");
        for (var notice : planner.plan(reminder, NIGHT)) {
            var doc = NotificationDocument.from(notice, NIGHT);
            pending.put(doc.id(), doc.dueAt()).then(store.insertIfAbsent(doc)).block(WAIT);
        }
    }

    @Test
    void aLeasedNotificationIsNotSentTwiceAndAStrayPointerIsCleared() {
        clock.set(MORNING);
        String requestId = newRequestId();
        intake.accept(customerNotice(requestId, NoticeKind.DISPATCHED, false)).block(WAIT);
        String id = requestId + "-5:dispatched:customer:" + requestId + ":sms";
        assertThat(store.claim(id, MORNING, Duration.ofSeconds(60)).block()).isNotNull();
        tick();
        assertThat(SMS.receivedContaining(requestId)).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        tick();
        assertThat(SMS.receivedContaining(requestId)).hasSize(1);

        String ghost = "ghost-" + requestId + ":dispatched:x:sms";
        pending.put(ghost, MORNING).block(WAIT);
        tick();
        assertThat(pending.entries().block()).doesNotContainKey(ghost);
    }

    @Test
    void aPointerWrittenAgainIsNotClearedByAnOlderReading() {
        String id = "ghost-" + newRequestId() + ":dispatched:x:sms";
        pending.put(id, MORNING).block(WAIT);
        pending.put(id, MORNING.plusSeconds(5)).block(WAIT);
        pending.removeIfDue(id, MORNING).block(WAIT);
        assertThat(pending.entries().block()).containsKey(id);
        pending.removeIfDue(id, MORNING.plusSeconds(5)).block(WAIT);
        assertThat(pending.entries().block()).doesNotContainKey(id);
    }

    // --- helpers

    void tick() {
        loop.tick().block(WAIT);
    }

    DeliveryStatus status(String id) {
        return store.find(id).map(NotificationDocument::status).block(WAIT);
    }

    static String newRequestId() {
        return "L-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Occurrence customerNotice(String requestId, NoticeKind kind, boolean urgent) {
        return new Occurrence(requestId + "-5", kind, requestId, NIGHT, urgent, false,
                new Customer("李先生", "3-2-501", "13800138000", null), "staff01", null, "engineering", null,
                Map.of("departmentName", "工程维修部"));
    }
}
