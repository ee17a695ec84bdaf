package org.fcr.local;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fcr.local.simulator.ApiClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A desk that keeps recording calls: each create carries its own Idempotency-Key and is retried with
 * the SAME key on anything but 201 (503 not-yet-durable, 5xx, 409 in progress, connection refused)
 * until it is answered 201; every 201 is remembered as key → request id. A key that intake keeps
 * refusing for {@code giveUpAfter} (time without any answer, while intake is down, does not count)
 * is set aside as stuck, so the writer goes on and the test can fail on it at the end.
 */
final class KeyedWriter implements Runnable {

    private static final String BODY = """
            {"channel":"HOTLINE","category":"FAULT_REPAIR","subcategory":"水电","size":"SMALL","scope":"IN_SCOPE",
             "customer":{"name":"李先生","unit":"3-2-501","phone":"13800138000"},"description":"厨房水管漏水"}
            """;

    private final String url;
    private final String prefix;
    private final Duration giveUpAfter;
    private final ApiClient api = new ApiClient(RunningSystem.PASSWORD);
    private final JsonNode body = new ObjectMapper().readTree(BODY);
    private final AtomicBoolean writing = new AtomicBoolean(true);
    /** Every key answered 201, with the id it was answered; ordered by key. */
    final Map<String, String> accepted = new ConcurrentSkipListMap<>();
    /** Keys never answered 201, with the last answer seen. */
    final Map<String, String> stuck = new ConcurrentSkipListMap<>();
    /** How often each status was answered (201 included), for the test's report. */
    final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

    KeyedWriter(String url, String prefix, Duration giveUpAfter) {
        this.url = url;
        this.prefix = prefix;
        this.giveUpAfter = giveUpAfter;
    }

    @Override
    public void run() {
        for (int n = 1; writing.get() && !Thread.currentThread().isInterrupted(); n++) {
            String key = prefix + n;
            long giveUp = System.nanoTime() + giveUpAfter.toNanos();
            while (true) {
                ApiClient.Answer answer = send(key);
                int status = answer.status();
                statuses.merge(status, 1, Integer::sum);
                if (status == 201) {
                    accepted.put(key, answer.body().get("id").asText());
                    break;
                }
                if (status == 0) {
                    giveUp = System.nanoTime() + giveUpAfter.toNanos();
                }
                if (System.nanoTime() > giveUp || Thread.currentThread().isInterrupted()) {
                    String detail = status + " " + answer.body();
                    stuck.put(key, detail.substring(0, Math.min(detail.length(), 300)));
                    break;
                }
                pause(200);
            }
            pause(10);
        }
    }

    private ApiClient.Answer send(String key) {
        try {
            return api.post(url, "desk01", body, key);
        } catch (RuntimeException unreadableAnswer) {
            return new ApiClient.Answer(-1, null);
        }
    }

    /** Stops taking new keys; the key in hand is still retried until answered 201 (or stuck). */
    void stop() {
        writing.set(false);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
