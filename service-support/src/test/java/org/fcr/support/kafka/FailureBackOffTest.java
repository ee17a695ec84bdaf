package org.fcr.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fcr.support.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import com.mongodb.MongoTimeoutException;

/** Pure logic: the pauses each kind of failure gets before its record is parked. */
class FailureBackOffTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("fcr.dispatch.decisions", 0, 7L, "REQ-1", "x");
    private final FailureBackOff policy = new FailureBackOff(Duration.ofMinutes(2));

    @Test
    void aStoreThatIsAwayIsWaitedForWithGrowingPausesForAboutTheConfiguredTime() {
        var storeAway = new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("Timed out while waiting for a server",
                        new MongoTimeoutException("no server")));

        List<Long> pauses = pauses(policy.forFailure(RECORD, storeAway));

        assertThat(pauses.get(0)).isEqualTo(500L);
        assertThat(pauses).isSorted().allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(10_000L));
        long waited = pauses.stream().mapToLong(Long::longValue).sum();
        assertThat(waited).isBetween(100_000L, 130_000L);
    }

    @Test
    void aBatchThatOverranItsLimitAndABrokerTimeoutAreTransientToo() {
        var late = new BatchListenerFailedException("Handling the batch failed",
                new RuntimeException(new TimeoutException("limit")), 0);
        var brokerAway = new org.springframework.kafka.KafkaException("send failed",
                new org.apache.kafka.common.errors.TimeoutException("metadata"));

        assertThat(FailureBackOff.kindOf(late)).isEqualTo(FailureBackOff.Kind.TRANSIENT);
        assertThat(FailureBackOff.kindOf(brokerAway)).isEqualTo(FailureBackOff.Kind.TRANSIENT);
        assertThat(FailureBackOff.kindOf(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "later")))
                .isEqualTo(FailureBackOff.Kind.TRANSIENT);
    }

    @Test
    void aRefusalThatNamesTheRecordIsParkedAtOnce() {
        var unknownRequest = new BatchListenerFailedException("Handling a record failed",
                ApiProblem.notFound("request", "REQ-404"), 3);

        assertThat(pauses(policy.forFailure(RECORD, unknownRequest))).isEmpty();
        assertThat(pauses(policy.forFailure(RECORD, ApiProblem.badRequest("invalid", "no department")))).isEmpty();
    }

    @Test
    void aConflictOrAnUnforeseenFailureGetsTwoQuickRetries() {
        assertThat(pauses(policy.forFailure(RECORD, ApiProblem.conflict("stale-version", "version 3 expected"))))
                .containsExactly(200L, 200L);
        assertThat(pauses(policy.forFailure(RECORD, new IllegalStateException("surprise"))))
                .containsExactly(200L, 200L);
    }

    private static List<Long> pauses(BackOff backOff) {
        BackOffExecution execution = backOff.start();
        List<Long> pauses = new ArrayList<>();
        for (long next = execution.nextBackOff(); next != BackOffExecution.STOP; next = execution.nextBackOff()) {
            pauses.add(next);
            assertThat(pauses).hasSizeLessThan(100);
        }
        return pauses;
    }
}
