package org.fcr.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fcr.events.DispatchOrder;
import org.fcr.schemas.AvroSerde;
import org.fcr.schemas.Topics;

/**
 * For the latency benchmarks: reads every department queue ({@code fcr.dispatch.<dept>}, also those
 * dispatch creates during the run) from now on, and notes when each order was first read, under a
 * key the benchmark takes from the order.
 */
final class OrderArrivals implements AutoCloseable {

    private final Map<String, Long> readAt = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final Thread reader;

    OrderArrivals(String bootstrap, Function<DispatchOrder, String> key) {
        reader = new Thread(() -> read(bootstrap, key), "orders");
        reader.start();
    }

    /** Milliseconds from each send (System.nanoTime) to its order's arrival, sorted; orders never read are left out. */
    List<Double> latencies(Map<String, Long> sentAt) {
        List<Double> latencies = new ArrayList<>();
        sentAt.forEach((key, sent) -> {
            Long read = readAt.get(key);
            if (read != null) {
                latencies.add((read - sent) / 1e6);
            }
        });
        Collections.sort(latencies);
        return latencies;
    }

    static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    static double max(List<Double> sorted) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    private void read(String bootstrap, Function<DispatchOrder, String> key) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "latency-bench-" + UUID.randomUUID());
        p.put("auto.offset.reset", "latest");
        p.put("metadata.max.age.ms", "1000");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), AvroSerde.of(DispatchOrder.class).deserializer())) {
            consumer.subscribe(Pattern.compile(Pattern.quote(Topics.DISPATCH_PREFIX) + "(?!decisions).*"));
            while (reading.get()) {
                for (ConsumerRecord<String, DispatchOrder> r : consumer.poll(Duration.ofMillis(100))) {
                    readAt.putIfAbsent(key.apply(r.value()), System.nanoTime());
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        reader.join();
    }
}
