package org.fcr.support.kafka;

import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RetryListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the shared error handler does, so an operator sees trouble before a desk does:
 * failed deliveries by topic and kind of failure (a store or broker away, a refusal, anything else),
 * records parked on {@code <topic>.DLT}, and records that could not even be parked.
 */
public class ConsumptionMetrics implements RetryListener {

    static final String FAILED = "fcr.kafka.failed.deliveries";
    static final String PARKED = "fcr.kafka.dead.letters";
    static final String NOT_PARKED = "fcr.kafka.dead.letter.failures";

    private final MeterRegistry registry;

    public ConsumptionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Counter.builder(FAILED).description("Deliveries of a record that its listener failed")
                .tag("topic", record.topic())
                .tag("kind", FailureBackOff.kindOf(failure).name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        Counter.builder(PARKED).description("Records parked on the dead-letter topic; consumption went on")
                .tag("topic", record.topic()).register(registry).increment();
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        Counter.builder(NOT_PARKED).description("Records that could not be parked (they are delivered again)")
                .tag("topic", record.topic()).register(registry).increment();
    }
}
