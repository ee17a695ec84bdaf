package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;
import org.fcr.events.RequestEventType;
import org.fcr.local.simulator.ApiClient;
import org.fcr.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * Issue 3, "Not to lose", with real processes: desks keep recording calls while intake, then the
 * MongoDB-protocol server, then the broker are killed with SIGKILL and started again. Every request
 * answered 201 is readable with ACCEPTED in its timeline, its events are on fcr.requests, no key made
 * two requests, and dispatch routed every one (nothing lost downstream either).
 */
class KillNineEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration HEALTHY = Duration.ofSeconds(120);
    private static final int WRITERS = 3;
    private static final int PROGRESS = 30;

    /** Kept when the test fails: the services', broker's and store's logs are in its logs folder. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void everyRequestAnswered201SurvivesAKillNineOfIntakeTheStoreAndTheBroker() throws Exception {
        Infrastructure.Processes infrastructure = Infrastructure.asProcesses(data);
        try (RunningSystem system = new RunningSystem(data, infrastructure, List.of("intake-service", "dispatch-service"),
                Map.of())) {
            ServiceSpec intake = system.service("intake-service");
            List<KeyedWriter> writers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                KeyedWriter writer = new KeyedWriter(system.url("intake-service", "/api/requests"), "kill9-w" + w + "-",
                        Duration.ofSeconds(45));
                writers.add(writer);
                Thread thread = new Thread(writer, "desk-" + w);
                thread.start();
                threads.add(thread);
            }
            try {
                awaitProgress(writers, "before any kill");

                killAndRestart("intake", () -> system.services.kill(intake), () -> system.services.restart(intake),
                        system, writers);
                // no intake restart here: intake finds the store again by itself
                killAndRestart("the store", infrastructure.store()::kill, infrastructure.store()::start, system, writers);
                killAndRestart("the broker", infrastructure.broker()::kill, infrastructure.broker()::start, system, writers);
            } finally {
                writers.forEach(KeyedWriter::stop);
                for (Thread thread : threads) {
                    thread.join(Duration.ofSeconds(60).toMillis());
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(35).toMillis());
                }
            }

            Map<String, String> accepted = new TreeMap<>();
            Map<String, String> stuck = new TreeMap<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (KeyedWriter writer : writers) {
                accepted.putAll(writer.accepted);
                stuck.putAll(writer.stuck);
                writer.statuses.forEach((status, count) -> statuses.merge(status, count, Integer::sum));
            }
            System.out.printf("kill -9 test (%s): %d keys answered 201, %d stuck %s; answers by status %s%n",
                    data, accepted.size(), stuck.size(), stuck, statuses);
            assertEverything201IsKept(system, accepted, stuck);
        }
    }

    private static void assertEverything201IsKept(RunningSystem system, Map<String, String> accepted,
                                                  Map<String, String> stuck) throws InterruptedException {
        Set<String> ids = new HashSet<>(accepted.values());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(stuck).as("keys never answered 201 (key → last answer)")
                .isEmpty();
        soft.assertThat(ids).as("one request per key: distinct ids").hasSameSizeAs(accepted.keySet());

        ApiClient api = new ApiClient(RunningSystem.PASSWORD);
        Map<String, String> unreadable = new LinkedHashMap<>();
        Set<String> notDispatched = new HashSet<>();
        accepted.forEach((key, id) -> {
            ApiClient.Answer answer = api.get(system.url("intake-service", "/api/requests/" + id), "desk01");
            if (answer.status() != 200 || !timelineTypes(answer.body()).contains("ACCEPTED")) {
                unreadable.put(key + " → " + id, answer.status() + " " + answer.body());
            }
            if (answer.status() != 200 || !timelineTypes(answer.body()).contains("DISPATCHED")) {
                notDispatched.add(id);
            }
        });
        soft.assertThat(unreadable).as("answered 201 but not readable with ACCEPTED").isEmpty();

        // a 201 comes only after the broker acknowledged: the whole topic as it is now must hold them all
        Set<String> acceptedOnTopic = new HashSet<>();
        try (var requests = new TopicReader<>(system.bootstrapServers(), Topics.REQUESTS)) {
            requests.readToEnd(e -> {
                if (e.getType() == RequestEventType.ACCEPTED) {
                    acceptedOnTopic.add(e.getRequestId());
                }
            }, PATIENCE);
        }
        soft.assertThat(ids).as("answered 201 but no ACCEPTED on fcr.requests")
                .allMatch(acceptedOnTopic::contains);
        soft.assertThat(acceptedOnTopic.size()).as("requests on fcr.requests (one per key)")
                .isBetween(accepted.size(), accepted.size() + stuck.size());

        Set<String> routed = new HashSet<>();
        try (var decisions = new TopicReader<>(system.bootstrapServers(), Topics.DISPATCH_DECISIONS)) {
            decisions.readUntil(d -> routed.add(d.getRequestId()), () -> routed.containsAll(ids), PATIENCE);
        }
        soft.assertThat(ids).as("answered 201 but never routed by dispatch (no DispatchDecision)")
                .allMatch(routed::contains);

        // and intake wrote each decision into the timeline: one that failed while the store or the broker was
        // away is retried until they are back, not parked on the dead-letter topic
        // (those read above without it are read again until it comes, or patience runs out)
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!notDispatched.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(500);
            notDispatched.removeIf(id -> {
                ApiClient.Answer answer = api.get(system.url("intake-service", "/api/requests/" + id), "desk01");
                return answer.status() == 200 && timelineTypes(answer.body()).contains("DISPATCHED");
            });
        }
        soft.assertThat(notDispatched).as("routed by dispatch but no DISPATCHED in intake's timeline").isEmpty();
        soft.assertAll();
    }

    /** SIGKILL, start again, wait until every service is healthy and the desks get 201s again. */
    private static void killAndRestart(String what, Step kill, Step restart, RunningSystem system,
                                       List<KeyedWriter> writers) throws Exception {
        long started = System.nanoTime();
        kill.run();
        restart.run();
        system.services.awaitHealthy(HEALTHY);
        System.out.printf("kill -9 test: %s killed; restarted and all healthy within %.1f s%n", what,
                (System.nanoTime() - started) / 1e9);
        awaitProgress(writers, what + " killed and restarted");
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Waits until the desks got PROGRESS more 201s, so the next kill meets work in flight. */
    private static void awaitProgress(List<KeyedWriter> writers, String after) {
        long started = System.nanoTime();
        int before = writers.stream().mapToInt(w -> w.accepted.size()).sum();
        await("201s again, " + after).atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> writers.stream().mapToInt(w -> w.accepted.size()).sum() >= before + PROGRESS);
        System.out.printf("kill -9 test: %s; %d more 201s within %.1f s%n", after, PROGRESS,
                (System.nanoTime() - started) / 1e9);
    }

    private static List<String> timelineTypes(JsonNode request) {
        List<String> types = new ArrayList<>();
        RunningSystem.elements(request.path("timeline")).forEach(e -> types.add(e.path("type").asText()));
        return types;
    }
}
