package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fcr.events.RequestEvent;
import org.fcr.intake.messaging.PendingRelays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A broker that does not acknowledge in time (here: a publish timeout of one nanosecond): the caller
 * never hears "created"; the stored events are relayed by the sweeper; a retry with the same key
 * gets the request it already made.
 */
@TestPropertySource(properties = "fcr.intake.publish-timeout=PT0.000000001S")
@DirtiesContext // this slow instance must not go on consuming next to the others' context

class BrokerTooSlowTest extends IntakeServiceTestBase {

    @Autowired
    PendingRelays pending;

    @Test
    @SuppressWarnings("unchecked")
    void noSuccessIsAnsweredBeforeTheBrokerAcknowledgedAndTheSweeperRelaysTheRest() {
        Map<String, Object> problem = post("desk01", "/api/requests").header("Idempotency-Key", "slow-1").bodyValue(SKELETON)
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) problem.get("requestId");
        assertThat(problem.get("type")).isEqualTo("https://fcr.example.org/problems/not-yet-durable");

        List<RequestEvent> published = publishedFor(id, 3);
        assertThat(published).extracting(RequestEvent::getEventId).contains(id + "-1", id + "-2", id + "-3");
        await().atMost(Duration.ofSeconds(30)).until(() -> pending.size() == 0);
        // the same key again: the same request (its id comes from the key), still not claimed as a success
        Map<String, Object> again = post("desk01", "/api/requests").header("Idempotency-Key", "slow-1").bodyValue(SKELETON)
                .exchange().expectStatus().isEqualTo(503).expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("requestId")).isEqualTo(id);
        assertThat(timelineTypes(id)).containsExactly("ACCEPTED", "REGISTERED", "DISPATCH_REQUESTED");
    }
}
