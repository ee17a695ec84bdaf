package org.fcr.dispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fcr.dispatch.store.RoutingStore;
import org.fcr.events.Category;
import org.fcr.events.DispatchDecision;
import org.fcr.events.RequestEventType;
import org.fcr.schemas.Topics;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Whole batches: several requests with interleaved events, a replayed batch, a poison record in
 * the middle. The listener is stopped while the events are written, so they arrive in one poll.
 */
class BatchDispatchTest extends org.fcr.dispatch.DispatchStackTest {

    static final Instant MORNING = DispatchServiceTest.MORNING;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    BatchDispatcher dispatcher;

    @Autowired
    RoutingStore routings;

    static String newRequestId() {
        return "B-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBatchOfInterleavedRequestsDispatchesEachInItsOwnOrder() {
        String a = newRequestId();
        String b = newRequestId();
        String c = newRequestId();
        whileStopped(() -> RequestEvents.send(bootstrap(),
                RequestEvents.accepted(a, Category.FAULT_REPAIR, "水电", MORNING),
                RequestEvents.accepted(b, Category.SERVICE, "保洁", MORNING),
                RequestEvents.dispatchRequested(a, 3, Category.FAULT_REPAIR, "水电", MORNING),
                RequestEvents.dispatchRequested(c, 3, Category.INFO_RELAY, null, MORNING),
                RequestEvents.returned(a, 5, Category.FAULT_REPAIR, MORNING, "engineering", "security"),
                RequestEvents.dispatchRequested(b, 3, Category.SERVICE, "保洁", MORNING)));

        List<DispatchDecision> ofA = DispatchServiceTest.decisions(a, 2);
        assertThat(ofA).extracting(DispatchDecision::getDecisionId).containsExactly(a + "-dispatch-1", a + "-dispatch-2");
        assertThat(ofA).extracting(DispatchDecision::getDepartment).containsExactly("engineering", "security");
        assertThat(DispatchServiceTest.orders("engineering", a, 1).get(0).getDescription()).isEqualTo("厨房水管漏水");
        assertThat(DispatchServiceTest.orders("security", a, 1).get(0).getAttempt()).isEqualTo(2);
        assertThat(DispatchServiceTest.decisions(b, 1).get(0).getDepartment()).isEqualTo("cleaning");
        assertThat(DispatchServiceTest.decisions(c, 1).get(0).getDepartment()).isEqualTo("customer-service");
        var state = routings.find(a).block().toState();
        assertThat(state.attempt()).isEqualTo(2);
        assertThat(state.processedEventIds()).containsExactlyInAnyOrder(a + "-1", a + "-3", a + "-5");
    }

    @Test
    void aRedeliveredBatchChangesNothingAndSendsTheSameIdsAgainWhileADuplicateEventSendsNothing() {
        String id = newRequestId();
        var batch = List.of(
                new RequestTransition.Positioned(0, 0, 1_000_000L, RequestEvents.accepted(id, Category.INFO_RELAY, null, MORNING)),
                new RequestTransition.Positioned(1, 0, 1_000_001L, RequestEvents.dispatchRequested(id, 3, Category.INFO_RELAY, null, MORNING)));
        assertThat(dispatcher.dispatch(batch).block().failed()).isFalse();
        var first = routings.find(id).block();
        assertThat(first.outbox()).hasSize(1);

        // the same records again (the batch was not committed): same state, same decision id sent again
        assertThat(dispatcher.dispatch(batch).block().failed()).isFalse();
        assertThat(routings.find(id).block().version()).isEqualTo(first.version());
        List<DispatchDecision> sent = DispatchServiceTest.decisions(id, 2);
        assertThat(sent).extracting(DispatchDecision::getDecisionId).containsOnly(id + "-dispatch-1");

        // the same event published again later (another offset): nothing decided, nothing sent
        var duplicate = List.of(new RequestTransition.Positioned(0, 0, 1_000_007L, batch.get(1).event()));
        assertThat(dispatcher.dispatch(duplicate).block().failed()).isFalse();
        assertThat(routings.find(id).block().version()).isEqualTo(first.version());
        sleep(Duration.ofSeconds(1));
        assertThat(decisionCount(id)).isEqualTo(2);
    }

    @Test
    void poisonInTheMiddleOfABatchIsDeadLetteredAndTheOthersAreDispatchedOnce() {
        String a = newRequestId();
        String b = newRequestId();
        String broken = newRequestId();
        String d = newRequestId();
        String poisonKey = "poison-" + UUID.randomUUID();
        whileStopped(() -> {
            RequestEvents.send(bootstrap(), RequestEvents.accepted(a, Category.FAULT_REPAIR, "水电", MORNING),
                    RequestEvents.dispatchRequested(a, 3, Category.FAULT_REPAIR, "水电", MORNING));
            RequestEvents.sendRaw(bootstrap(), poisonKey, "not an avro record".getBytes());
            RequestEvents.send(bootstrap(), RequestEvents.dispatchRequested(b, 3, Category.COMPLAINT, null, MORNING),
                    RequestEvents.event(broken, 3, RequestEventType.DISPATCH_REQUESTED, Category.OTHER, null, MORNING, null),
                    RequestEvents.dispatchRequested(d, 3, Category.INFO_RELAY, null, MORNING));
        });

        var dlt = Topics.REQUESTS.deadLetterName();
        TopicReader.awaitRecords(bootstrap(), dlt, new ByteArrayDeserializer(), poisonKey, found -> found.size() == 1, DispatchServiceTest.WAIT);
        TopicReader.awaitRecords(bootstrap(), dlt, new ByteArrayDeserializer(), broken, found -> found.size() == 1, DispatchServiceTest.WAIT);
        assertThat(DispatchServiceTest.decisions(a, 1).get(0).getDepartment()).isEqualTo("engineering");
        assertThat(DispatchServiceTest.decisions(b, 1).get(0).getDepartment()).isEqualTo("customer-service");
        assertThat(DispatchServiceTest.decisions(d, 1).get(0).getDepartment()).isEqualTo("customer-service");
        sleep(Duration.ofSeconds(1));
        assertThat(List.of(a, b, d)).allSatisfy(id -> assertThat(decisionCount(id)).isEqualTo(1));
        assertThat(routings.find(broken).block()).isNull();
    }

    private void whileStopped(Runnable write) {
        var containers = listeners.getListenerContainers();
        containers.forEach(MessageListenerContainer::stop);
        try {
            write.run();
        } finally {
            containers.forEach(MessageListenerContainer::start);
        }
    }

    private static long decisionCount(String id) {
        return TopicReader.readAll(bootstrap(), Topics.DISPATCH_DECISIONS.name(), new ByteArrayDeserializer()).stream()
                .filter(r -> id.equals(r.key())).count();
    }

    private static String bootstrap() {
        return TestInfrastructure.bootstrapServers();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
