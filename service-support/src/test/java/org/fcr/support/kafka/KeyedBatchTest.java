package org.fcr.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import reactor.core.publisher.Mono;

/** Pure logic: records are "key:value" strings (null = undecodable); the handler is a plain function. */
class KeyedBatchTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final List<List<String>> handled = Collections.synchronizedList(new ArrayList<>());

    @Test
    void eachKeysValuesAreHandledTogetherInOrderAndKeysRunAtTheSameTime() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Function<List<String>, Mono<?>> slow = values -> Mono.fromRunnable(() -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    handled.add(values);
                })
                .then(Mono.delay(Duration.ofMillis(50)))
                .doOnSuccess(done -> inFlight.decrementAndGet());

        KeyedBatch.handle(records("a:1", "b:1", "a:2", "c:1", "b:2", "a:3"), KeyedBatchTest::key, slow, 4, LIMIT);

        assertThat(handled).containsExactlyInAnyOrder(List.of("a:1", "a:2", "a:3"), List.of("b:1", "b:2"), List.of("c:1"));
        assertThat(mostInFlight.get()).isEqualTo(3);
    }

    @Test
    void concurrencyCapsTheKeysInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        Function<List<String>, Mono<?>> slow = values -> Mono.fromRunnable(
                        () -> mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max))
                .then(Mono.delay(Duration.ofMillis(20)))
                .doOnSuccess(done -> inFlight.decrementAndGet());

        KeyedBatch.handle(records("a:1", "b:1", "c:1", "d:1", "e:1"), KeyedBatchTest::key, slow, 2, LIMIT);

        assertThat(mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void theEarliestFailedKeyIsReportedByTheIndexOfItsFirstRecord() {
        Function<List<String>, Mono<?>> failingBAndC = values -> {
            handled.add(values);
            String key = key(values.get(0));
            return key.equals("a") ? Mono.empty() : Mono.error(new IllegalStateException("unknown " + key));
        };

        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> KeyedBatch.handle(records("a:1", "c:1", "b:1", "a:2", "b:2"), KeyedBatchTest::key, failingBAndC, 4, LIMIT));

        assertThat(failed.getIndex()).isEqualTo(1);
        assertThat(failed.getCause()).hasMessage("unknown c");
        assertThat(handled).hasSize(3);
    }

    @Test
    void aPoisonRecordEndsTheBatchAfterTheRecordsBeforeItAreHandled() {
        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> KeyedBatch.handle(records("a:1", "b:1", null, "a:2", "c:1"), KeyedBatchTest::key, this::record, 4, LIMIT));

        assertThat(failed.getIndex()).isEqualTo(2);
        assertThat(handled).containsExactlyInAnyOrder(List.of("a:1"), List.of("b:1"));
    }

    @Test
    void aFailureBeforeThePoisonRecordIsReportedFirst() {
        Function<List<String>, Mono<?>> failingB = values -> key(values.get(0)).equals("b")
                ? Mono.error(new IllegalStateException("b failed")) : record(values);

        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> KeyedBatch.handle(records("a:1", "b:1", null), KeyedBatchTest::key, failingB, 4, LIMIT));

        assertThat(failed.getIndex()).isEqualTo(1);
    }

    @Test
    void aBatchPastItsLimitIsRedeliveredFromItsStart() {
        Function<List<String>, Mono<?>> never = values -> Mono.never();

        BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
                () -> KeyedBatch.handle(records("a:1", "b:1"), KeyedBatchTest::key, never, 4, Duration.ofMillis(100)));

        assertThat(failed.getIndex()).isZero();
    }

    @Test
    void aBatchThatSucceedsThrowsNothing() {
        KeyedBatch.handle(records("a:1", "a:2"), KeyedBatchTest::key, this::record, 4, LIMIT);

        assertThat(handled).containsExactly(List.of("a:1", "a:2"));
    }

    private Mono<?> record(List<String> values) {
        return Mono.fromRunnable(() -> handled.add(values));
    }

    private static String key(String value) {
        return value.substring(0, value.indexOf(':'));
    }

    private static List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("topic", 0, i, values[i] == null ? null : key(values[i]), values[i]));
        }
        return records;
    }
}
