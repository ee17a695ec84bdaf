import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Durable accepts per second and their latency (p50/p99) for POST /api/requests, against the same
 * numbers for a bare endpoint (POST /api/bench/bare: same sign-in, body and validation, no store,
 * no broker) in the same run. JDK only: run with `java bench/AcceptBenchmark.java URL USER PASSWORD
 * [REQUESTS] [CONCURRENCY]`. Not a test: it measures, it asserts nothing.
 */
public class AcceptBenchmark {

    static final String BODY = """
            {"channel":"HOTLINE","category":"FAULT_REPAIR","subcategory":"水电","size":"SMALL","scope":"IN_SCOPE",
             "customer":{"name":"李先生","unit":"3-2-501","phone":"13800138000"},"description":"厨房水管漏水"}""";

    record Result(String name, int ok, int failed, double perSecond, double p50, double p99) {
        @Override
        public String toString() {
            return String.format("%-22s %6d ok %4d failed  %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms",
                    name, ok, failed, perSecond, p50, p99);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8081";
        String user = args.length > 1 ? args[1] : "desk01";
        String password = args.length > 2 ? args[2] : System.getenv().getOrDefault("FCR_DEMO_PASSWORD", "");
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        System.out.printf("target %s, %d requests per endpoint, %d in flight%n", base, requests, concurrency);
        run(client, base + "/api/bench/bare", auth, Math.min(2_000, requests), concurrency, "warm-up bare");
        run(client, base + "/api/requests", auth, Math.min(2_000, requests), concurrency, "warm-up accept");
        Result bare = run(client, base + "/api/bench/bare", auth, requests, concurrency, "bare WebFlux POST");
        Result accept = run(client, base + "/api/requests", auth, requests, concurrency, "durable accept POST");
        System.out.println(bare);
        System.out.println(accept);
        System.out.printf("durable / bare throughput: %.3f%n", accept.perSecond() / bare.perSecond());
    }

    static Result run(HttpClient client, String url, String auth, int count, int concurrency, String name) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            long sent = System.nanoTime();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 201) {
                    latencies.add((System.nanoTime() - sent) / 1e6);
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(name, sorted.size(), failed.get(), sorted.size() / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
