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
import org.junit.jupiter.api.Test;
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

/** What the running service does with the events it consumes, through its API, topics and channels. */
class NotificationServiceTest extends ServiceTestBase {

    @Test
    void acceptanceTellsTheCustomerByFullPhoneSmsAndMaskedEverywhereElse() throws Exception {
        String requestId = newRequestId();
        RequestEvent accepted = NoticeEvents.accepted(requestId, NoticeEvents.context(Category.FAULT_REPAIR, c -> { }));
        accepted.setAttributes(Map.of("customerEmail", "li@example.org"));
        publish(accepted);

        List<NotificationView> notes = awaitNotifications(requestId, 2, "SENT");
        assertThat(notes).extracting(NotificationView::recipientRole, NotificationView::channel, NotificationView::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CUSTOMER", "SMS", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("CUSTOMER", "EMAIL", "SENT"));
        NotificationView sms = notes.stream().filter(n -> n.channel().equals("SMS")).findFirst().orElseThrow();
        assertThat(sms.address()).isEqualTo("138****8000");
        assertThat(sms.body()).contains("138****8000").doesNotContain("13800138000").contains("修复漏水");

        var gateway = SMS.receivedContaining(requestId);
        assertThat(gateway).hasSize(1);
        assertThat(gateway.get(0).body()).contains("\"phone\":\"13800138000\"");
        assertThat(gateway.get(0).body()).doesNotContain("\"text\":\"13800138000");

        await().atMost(WAIT).until(() -> mailsTo("li@example.org", requestId) == 1);
    }

    @Test
    void aReplayedEventNeverNotifiesTwice() {
        String requestId = newRequestId();
        RequestEvent accepted = NoticeEvents.accepted(requestId, NoticeEvents.context(Category.FAULT_REPAIR, c -> { }));
        publish(accepted);
        awaitNotifications(requestId, 1, "SENT");
        publish(accepted);
        publish(accepted);
        // a later event of the same request proves the replays were consumed before it
        publish(NoticeEvents.request(requestId, 9, org.fcr.events.RequestEventType.CUSTOMER_NOTIFIED, null,
                NoticeEvents.context(Category.FAULT_REPAIR, c -> { })));
        await().atMost(WAIT).until(() -> list(requestId).stream().anyMatch(n -> n.kind().equals("RETURN_VISIT")));
        assertThat(list(requestId)).filteredOn(n -> n.kind().equals("COMMITMENT"))
                .extracting(NotificationView::channel).containsExactlyInAnyOrder("SMS", "EMAIL");
        assertThat(SMS.receivedContaining(requestId + "-1:commitment")).hasSize(1);
    }

    @Test
    void aDrillNeverReachesTheCustomer() {
        String requestId = newRequestId();
        publish(NoticeEvents.accepted(requestId, NoticeEvents.context(Category.FAULT_REPAIR, c -> c.setDrill(true))));
        List<NotificationView> notes = awaitNotifications(requestId, 1, "SUPPRESSED");
        assertThat(notes).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("SUPPRESSED");
            assertThat(n.reason()).isIn("drill");
        });
        assertThat(SMS.receivedContaining(requestId)).isEmpty();
        client.post().uri("/api/notifications/{id}/resend", notes.get(0).notificationId())
                .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aBreachReachesHandlerDeskAndFirstResponderInAppAndIsPublished() {
        String requestId = newRequestId();
        try (KafkaConsumer<String, Notification> outcomes = outcomesConsumer()) {
            publish(NoticeEvents.sla(requestId, SlaEventKind.BREACHED, Stage.ACCEPT));
            List<NotificationView> notes = awaitNotifications(requestId, 1, "SENT");
            assertThat(notes).filteredOn(n -> n.channel().equals("IN_APP"))
                    .extracting(NotificationView::recipientId)
                    .containsExactlyInAnyOrder("eng01", "desk01", "desk02", "sup01");
            assertThat(notes).filteredOn(n -> n.channel().equals("EMAIL"))
                    .extracting(NotificationView::recipientId).containsExactly("eng01");
            assertThat(notes.get(0).subject()).contains("受理");

            List<Notification> seen = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                outcomes.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (requestId.equals(r.value().getRequestId())) {
                        seen.add(r.value());
                    }
                });
                return seen.size() >= notes.size();
            });
            assertThat(seen).allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(org.fcr.events.DeliveryStatus.SENT));
        }
    }

    @Test
    void aDownChannelIsRetriedAndGivenUpWhileTheOthersGoThrough() {
        String requestId = newRequestId();
        ROBOT.answer(503, "{}");
        try {
            publish(NoticeEvents.sla(requestId, SlaEventKind.ESCALATED, Stage.COMPLETE));
            await().atMost(WAIT).until(() -> list(requestId).stream().anyMatch(n -> n.status().equals("GIVEN_UP")));
            List<NotificationView> notes = list(requestId);
            NotificationView robot = notes.stream().filter(n -> n.channel().equals("WEBHOOK")).findFirst().orElseThrow();
            assertThat(robot.status()).isEqualTo("GIVEN_UP");
            assertThat(robot.attempts()).isEqualTo(3);
            assertThat(robot.lastError()).contains("503");
            assertThat(ROBOT.receivedContaining(robot.notificationId())).hasSize(3);
            assertThat(notes).filteredOn(n -> !n.channel().equals("WEBHOOK"))
                    .isNotEmpty().allSatisfy(n -> assertThat(n.status()).isEqualTo("SENT"));

            ROBOT.healthy();
            client.post().uri("/api/notifications/{id}/resend", robot.notificationId())
                    .headers(h -> h.setBasicAuth("staff01", TestInfrastructure.PASSWORD))
                    .exchange().expectStatus().isForbidden();
            client.post().uri("/api/notifications/{id}/resend", robot.notificationId())
                    .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                    .exchange().expectStatus().isOk();
            await().atMost(WAIT).until(() -> get(robot.notificationId()).status().equals("SENT"));
            assertThat(get(robot.notificationId()).resends()).isEqualTo(1);
        } finally {
            ROBOT.healthy();
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaConsumer<byte[], byte[]> dlt = rawConsumer(Topics.REQUESTS.deadLetterName());
             KafkaProducer<byte[], byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(Topics.REQUESTS.name(), poisonKey.getBytes(), "not avro".getBytes()));
            raw.flush();
            String requestId = newRequestId();
            publish(NoticeEvents.accepted(requestId, NoticeEvents.context(Category.FAULT_REPAIR, c -> { })));
            awaitNotifications(requestId, 1, "SENT");
            await().atMost(WAIT).until(() -> {
                for (var r : dlt.poll(Duration.ofMillis(200))) {
                    if (poisonKey.equals(new String(r.key()))) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void theSignedInPersonSeesTheirInAppNoticesLiveAndInTheirInbox() throws Exception {
        String requestId = newRequestId();
        var live = client.get().uri("/api/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("desk02", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .filter(e -> "notification".equals(e.event()) && requestId.equals(e.data().get("requestId")))
                .next().toFuture();

        publish(NoticeEvents.sla(requestId, SlaEventKind.REMINDER, Stage.ON_SITE));

        var event = live.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event.data()).containsEntry("recipientId", "desk02");
        assertThat((String) event.data().get("subject")).contains("督办").contains("到位");

        List<NotificationView> inbox = client.get().uri("/api/inbox")
                .headers(h -> h.setBasicAuth("desk02", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<NotificationView>>() { })
                .returnResult().getResponseBody();
        assertThat(inbox).filteredOn(n -> requestId.equals(n.requestId())).singleElement()
                .satisfies(n -> assertThat(n.channel()).isEqualTo("IN_APP"));
        assertThat(inbox).allSatisfy(n -> assertThat(n.recipientId()).isEqualTo("desk02"));
    }

    @Test
    void aLedgerEntryReachesItsPersonWithHowToAppealAndADecisionTheDepartment() {
        String requestId = newRequestId();
        publisher.publish(Topics.SCORES, "eng02", NoticeEvents.penalty(requestId, "eng02")).join();
        publisher.publish(Topics.DISPATCH_DECISIONS, requestId, NoticeEvents.decision(requestId)).join();
        await().atMost(WAIT).untilAsserted(() -> assertThat(list(requestId))
                .extracting(n -> n.kind() + " " + n.recipientRole() + " " + n.recipientId() + " " + n.channel())
                .contains("PENALTY PERSON eng02 IN_APP", "PENALTY PERSON eng02 EMAIL",
                        "NEW_TICKET SUPERVISOR sup01 IN_APP", "NEW_TICKET GROUP robot:default WEBHOOK"));
        var penalty = list(requestId).stream().filter(n -> n.kind().equals("PENALTY")).findFirst().orElseThrow();
        assertThat(penalty.body()).contains("受理环节超时").contains("-5").contains("7日内").contains("申诉");
        await().atMost(WAIT).until(() -> mailsTo("eng02@fcr.local", "考核通知") >= 1);
    }

    @Test
    void theDeskConsoleOnAnotherPortMayReadTheStreamOthersMayNot() {
        client.options().uri("/api/stream")
                .header("Origin", "http://localhost:8081")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:8081");
        client.options().uri("/api/stream")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void peopleReadTheirOwnNotificationsTheDeskAndSupervisorsAnyones() {
        for (String[] reader : new String[][] {{"eng02", "200"}, {"staff01", "403"}, {"desk01", "200"}, {"sup01", "200"}}) {
            client.get().uri("/api/notifications?recipientId=eng02")
                    .headers(h -> h.setBasicAuth(reader[0], TestInfrastructure.PASSWORD))
                    .exchange().expectStatus().isEqualTo(Integer.parseInt(reader[1]));
        }
    }

    @Test
    void listingNeedsExactlyOneFilter() {
        client.get().uri("/api/notifications")
                .headers(h -> h.setBasicAuth("desk01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isBadRequest();
        client.get().uri("/api/notifications?requestId=x")
                .exchange().expectStatus().isUnauthorized();
    }
}
