package org.fcr.local;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.h2.mvstore.MVStore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Not a test: inserts/s and single-document updates/s of the embedded store, the plain H2 backend
 * (writes reach the file about once a second) against {@link DurableH2Backend} (a write is answered
 * once it is in the file), at several numbers of concurrent writers. Run with
 * {@code local-runtime/bench/store-benchmark.sh [seconds per phase] [writers,…]}.
 */
public final class StoreBenchmark {

    private static final String DESCRIPTION = "厨房水管漏水，水已经流到楼下，请尽快派人维修。".repeat(8);

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] writers = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[]{1, 4, 16, 64};
        System.out.printf("%-8s %7s %12s %9s %9s %12s %9s %9s %14s %9s%n", "backend", "writers", "inserts/s",
                "p50 ms", "p99 ms", "updates/s", "p50 ms", "p99 ms", "writes/commit", "file MB");
        for (int n : writers) {
            for (boolean durable : new boolean[]{false, true}) {
                run(durable, n, seconds);
            }
        }
    }

    private static void run(boolean durable, int writers, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("store-bench");
        Path file = dir.resolve("bench.mv");
        H2Backend backend = durable ? DurableH2Backend.open(file.toString())
                : new H2Backend(new MVStore.Builder().fileName(file.toString()).open());
        MongoServer server = new MongoServer(backend);
        int port = Ports.free();
        server.bind(new InetSocketAddress("localhost", port), 1, MongoStore.WORKER_THREADS);
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .applyToConnectionPoolSettings(p -> p.maxSize(Math.max(writers, 8))).build())) {
            MongoCollection<Document> requests = client.getDatabase("fcr_bench").getCollection("requests");
            requests.insertOne(new Document("_id", "warm-up"));
            long commitsBefore = durable ? ((DurableH2Backend) backend).commits() : 0;
            AtomicLong ids = new AtomicLong();
            Phase inserts = Phase.run(writers, seconds, () -> requests.insertOne(new Document("_id", "R-" + ids.incrementAndGet())
                    .append("status", "OPEN").append("seq", 3).append("description", DESCRIPTION)));
            long inserted = ids.get();
            Phase updates = Phase.run(writers, seconds, () -> requests.updateOne(
                    Filters.eq("_id", "R-" + (1 + ThreadLocalRandom.current().nextLong(inserted))),
                    Updates.combine(Updates.set("status", "REGISTERED"), Updates.inc("seq", 1))));
            String perCommit = "-";
            if (durable) {
                long commits = ((DurableH2Backend) backend).commits() - commitsBefore;
                perCommit = String.format("%.1f", (inserts.count + updates.count) / (double) Math.max(1, commits));
            }
            System.out.printf("%-8s %7d %12.0f %9.2f %9.2f %12.0f %9.2f %9.2f %14s %9.1f%n", durable ? "durable" : "plain",
                    writers, inserts.perSecond(), inserts.percentile(50), inserts.percentile(99), updates.perSecond(),
                    updates.percentile(50), updates.percentile(99), perCommit, Files.size(file) / 1e6);
        } finally {
            server.shutdown();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One timed phase: writers call the operation in a loop; latencies in microseconds. */
    private record Phase(long count, double seconds, long[] latencies) {

        static Phase run(int writers, int seconds, Runnable operation) throws InterruptedException {
            long started = System.nanoTime();
            long end = started + seconds * 1_000_000_000L;
            long[][] perWriter = new long[writers][];
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int index = w;
                Thread thread = new Thread(() -> {
                    long[] latencies = new long[1 << 12];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        operation.run();
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = (System.nanoTime() - t) / 1000;
                    }
                    perWriter[index] = Arrays.copyOf(latencies, n);
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] all = Arrays.stream(perWriter).flatMapToLong(Arrays::stream).sorted().toArray();
            return new Phase(all.length, elapsed, all);
        }

        double perSecond() {
            return count / seconds;
        }

        double percentile(int p) {
            return latencies.length == 0 ? 0 : latencies[Math.min(latencies.length - 1, (int) (latencies.length * p / 100.0))] / 1000.0;
        }
    }
}
