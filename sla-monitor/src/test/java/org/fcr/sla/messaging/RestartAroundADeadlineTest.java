package org.fcr.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.fcr.events.EscalationLevel;
import org.fcr.events.RequestEvent;
import org.fcr.events.SlaEvent;
import org.fcr.events.SlaEventKind;
import org.fcr.schemas.Topics;
import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.support.ConfiguredStandards;
import org.fcr.sla.support.Requests;
import org.fcr.sla.support.SlaDriver;
import org.fcr.sla.support.SlaTopicReader;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine stopped before a deadline and started again after it, each time with an empty state
 * folder (so all state comes back from the changelogs): the breach is told once, late but not
 * lost, and the escalation that falls due later is told once too.
 */
class RestartAroundADeadlineTest {

    /** 5 minutes to acknowledge ÷ 30 = 10 s; supervisor at 20 s. */
    private static final double SPEEDUP = 30;

    @TempDir
    Path stateRoot;

    @BeforeAll
    static void topics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = List.of(Topics.REQUESTS.name(), Topics.REQUESTS.deadLetterName(), Topics.SLA.name(),
                            Topics.STAGE_STATS.name()).stream()
                    .filter(name -> !existing.contains(name)).map(name -> new NewTopic(name, 3, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        }
    }

    private KafkaStreams start(String applicationId, String folder) throws Exception {
        var topology = SlaTopology.build(new SlaEngine(ConfiguredStandards.standards(SPEEDUP)), SlaDriver.settings(20_000));
        var streams = new KafkaStreams(topology, StreamsSettings.of(applicationId, TestInfrastructure.bootstrapServers(),
                Files.createDirectories(stateRoot.resolve(folder)).toString(), 1));
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    @Test
    void noBreachIsMissedOrToldTwiceAcrossRestarts() throws Exception {
        String applicationId = "sla-restart-test-" + UUID.randomUUID();
        Requests request = Requests.faultRepair("R-restart-" + UUID.randomUUID());
        try (SlaTopicReader reader = new SlaTopicReader(TestInfrastructure.bootstrapServers())) {
            KafkaStreams first = start(applicationId, "first");
            Instant dispatched = Instant.now();
            send(request.dispatched(dispatched));
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(reader, request).contains(SlaEventKind.STARTED));
            stop(first);
            assertThat(kinds(reader, request)).doesNotContain(SlaEventKind.BREACHED);

            Instant deadline = dispatched.plusSeconds(10);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline.plusSeconds(1)).toMillis()));

            KafkaStreams second = start(applicationId, "second");     // empty folder: restored from changelogs
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(reader, request).contains(SlaEventKind.BREACHED));
            stop(second);

            KafkaStreams third = start(applicationId, "third");
            await().atMost(Duration.ofSeconds(40)).until(() -> kinds(reader, request).contains(SlaEventKind.ESCALATED));
            Thread.sleep(1500);                                       // a few more ticks: nothing may repeat
            stop(third);

            List<SlaEvent> told = reader.of(request.id());
            assertThat(told).extracting(SlaEvent::getEventId).doesNotHaveDuplicates();
            assertThat(told).filteredOn(e -> e.getKind() == SlaEventKind.BREACHED).singleElement()
                    .satisfies(breach -> assertThat(breach.getOccurredAt()).isAfter(deadline));
            assertThat(told).filteredOn(e -> e.getKind() == SlaEventKind.ESCALATED)
                    .extracting(SlaEvent::getEscalationLevel).doesNotHaveDuplicates().startsWith(EscalationLevel.SUPERVISOR);
        }
    }

    /** Leaving the group lets the next instance take over at once instead of after the session timeout. */
    private static void stop(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(20)));
    }

    private static List<SlaEventKind> kinds(SlaTopicReader reader, Requests request) {
        return reader.of(request.id()).stream().map(SlaEvent::getKind).toList();
    }

    private static void send(RequestEvent event) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestInfrastructure.bootstrapServers()),
                Topics.REQUESTS.keySerde().serializer(), Topics.REQUESTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), event.getRequestId(), event)).get();
        }
    }
}
