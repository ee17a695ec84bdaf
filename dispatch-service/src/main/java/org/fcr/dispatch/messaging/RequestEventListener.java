package org.fcr.dispatch.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fcr.events.RequestEvent;
import org.fcr.support.kafka.KeyedBatch;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads the request timeline a poll batch at a time. The batch's offsets are committed only when
 * every state is written and every order and decision of the batch is acknowledged by the broker.
 * A poison record (undecodable, or a payload that does not fit its type) is found before anything
 * is done: the records before it are dispatched, then it is reported by index, so the shared error
 * handler commits those, parks it on {@code fcr.requests.DLT} and redelivers the rest.
 */
@Component
public class RequestEventListener {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final LogAccessor LOG = new LogAccessor(RequestEventListener.class);

    private final BatchDispatcher dispatcher;

    public RequestEventListener(BatchDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = "fcr.requests", groupId = "${spring.application.name}",
            containerFactory = "requestsListenerFactory", autoStartup = "${fcr.dispatch.consume:true}")
    public void onBatch(List<ConsumerRecord<String, RequestEvent>> records) {
        List<RequestTransition.Positioned> good = new ArrayList<>(records.size());
        RuntimeException poison = null;
        for (ConsumerRecord<String, RequestEvent> record : records) {
            poison = poison(record);
            if (poison != null) {
                break;
            }
            good.add(new RequestTransition.Positioned(good.size(), record.partition(), record.offset(), record.value()));
        }
        BatchDispatcher.Result result;
        long started = System.nanoTime();
        try {
            result = dispatcher.dispatch(good).block(LIMIT);
            LOG.debug(() -> "Batch of " + records.size() + " records done in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Dispatching the batch failed", e, 0);
        }
        if (result != null && result.failed()) {
            throw new BatchListenerFailedException("Dispatching failed", result.failure(), result.index());
        }
        if (poison != null) {
            throw new BatchListenerFailedException("Poison record", poison, good.size());
        }
    }

    private static RuntimeException poison(ConsumerRecord<String, RequestEvent> record) {
        if (record.value() == null) {
            return KeyedBatch.undecodable(record);
        }
        try {
            RequestTransition.check(record.value());
            return null;
        } catch (IllegalArgumentException e) {
            return e;
        }
    }
}
