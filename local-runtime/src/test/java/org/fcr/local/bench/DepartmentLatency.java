package org.fcr.local.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.fcr.events.DispatchOrder;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A benchmark, not a test (against local-runtime/bench/full-path-stack.sh; see NOTES.md): request →
 * department topic latency. Posts requests at a fixed rate (open loop: a slow answer does not slow the sender) and reads every
 * department topic ({@code fcr.dispatch.<dept>}); the latency of a request is from the moment its
 * POST was sent to the moment its DispatchOrder was read. Requests carry a nonce in their
 * description, so an order is matched whether it arrives before or after the POST's answer.
 * Args: RATE SECONDS [WARMUP_SECONDS]. Without FCR_INTAKE_URL (and FCR_KAFKA, FCR_DEMO_PASSWORD) it starts
 * its own stack: the broker and the store as the run command has them, intake and dispatch as processes.
 */
public final class DepartmentLatency {

    private static final String BODY = """
            {"channel":"HOTLINE","category":"FAULT_REPAIR","subcategory":"水电","size":"SMALL","scope":"IN_SCOPE",
             "customer":{"name":"李先生","unit":"3-2-501","phone":"13800138000"},"description":"%s"}""";

    private static final int CONNECTIONS = 64;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Double> answerMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failed = new AtomicInteger();

    private DepartmentLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String given = System.getenv("FCR_INTAKE_URL");
        if (given != null) {
            measure(given, System.getenv("FCR_KAFKA"), System.getenv("FCR_DEMO_PASSWORD"), rate, seconds, warmup);
            return;
        }
        try (LatencyStack stack = LatencyStack.start()) {
            measure(stack.intakeUrl(), stack.bootstrapServers(), LatencyStack.PASSWORD, rate, seconds, warmup);
        }
    }

    private static void measure(String url, String bootstrap, String password, int rate, int seconds, int warmup)
            throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("desk01:" + password).getBytes(StandardCharsets.UTF_8));
        String run = UUID.randomUUID().toString().substring(0, 8);

        DepartmentLatency measured = new DepartmentLatency();
        // the description carries the request's nonce: an order is matched whether it comes before or after the 201
        OrderArrivals arrivals = new OrderArrivals(bootstrap, DispatchOrder::getDescription);
        try (arrivals) {
            // a front-end's bounded keep-alive pool: the JDK client opened a connection for every request sent
            // while the others were busy (thousands when intake fell behind) and took half a core at 400 req/s
            HttpClient client = HttpClient.create(ConnectionProvider.builder("department-latency")
                            .maxConnections(CONNECTIONS).pendingAcquireMaxCount(-1).build())
                    .baseUrl(url)
                    .headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, auth).set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
            System.out.printf("warm-up: %d req/s for %d s …%n", rate, warmup);
            new DepartmentLatency().send(client, rate, warmup, "w" + run);
            Thread.sleep(3000);
            System.out.printf("measuring: %d req/s for %d s%n", rate, seconds);
            measured.send(client, rate, seconds, "m" + run);
            Thread.sleep(5000);
        }
        measured.report(rate, arrivals);
    }

    private void send(HttpClient client, int rate, int seconds, String prefix) throws InterruptedException {
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String nonce = prefix + "-" + i;
            long sent = System.nanoTime();
            sentAt.put(nonce, sent);
            client.post().uri("/api/requests")
                    .send(ByteBufFlux.fromString(Mono.just(BODY.formatted(nonce))))
                    .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                    .subscribe(status -> {
                        if (status == 201) {
                            answerMillis.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            failed.incrementAndGet();
                        }
                    }, error -> failed.incrementAndGet());
        }
    }

    private void report(int rate, OrderArrivals arrivals) {
        List<Double> latencies = arrivals.latencies(sentAt);
        List<Double> answers = new ArrayList<>(answerMillis);
        Collections.sort(answers);
        System.out.printf("sent %d at %d req/s; answered 201: %d (p50 %.1f ms, p99 %.1f ms); failed %d%n",
                sentAt.size(), rate, answers.size(), OrderArrivals.percentile(answers, 0.50),
                OrderArrivals.percentile(answers, 0.99), failed.get());
        System.out.printf("request → department topic: %d of %d read; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencies.size(), sentAt.size(), OrderArrivals.percentile(latencies, 0.50),
                OrderArrivals.percentile(latencies, 0.99), OrderArrivals.max(latencies));
    }
}
