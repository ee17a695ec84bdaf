package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 7, the stop: Ctrl-C (SIGINT to every process of the terminal's group, then the launcher's
 * own stop) stops all five services before the store and the broker, restarts none of them, and no
 * service meets a store or a broker that went first (the {@code server session pool is open} errors of
 * every stop before).
 */
class StopOrderEndToEndTest {

    private static final List<String> ALL = ServiceSpec.defaults().stream().map(ServiceSpec::module).toList();
    /** What a service logs when its store or broker is gone while it still works. */
    private static final List<String> GONE_TOO_EARLY = List.of("session pool is open", "MongoSocket",
            "Connection to node", "Exception in monitor thread");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void ctrlCStopsEveryServiceBeforeTheStoreAndTheBrokerAndRestartsNone() throws Exception {
        try (SupervisedSystem system = new SupervisedSystem(data, RestartBackOff.RUN_COMMAND, ALL)) {
            // desks keep recording calls through the stop, so every service has work in hand when it comes
            KeyedWriter desk = new KeyedWriter(system.service("intake-service").baseUrl() + "/api/requests", "stop-",
                    Duration.ofSeconds(45));
            Thread writing = new Thread(desk, "desk");
            writing.start();
            await("desks answered 201").atMost(Duration.ofSeconds(90)).until(() -> desk.accepted.size() >= 20);
            Map<String, Long> logFrom = new LinkedHashMap<>();
            List<Process> processes = new ArrayList<>();
            for (String module : ALL) {
                logFrom.put(module, Files.size(system.services.log(system.service(module))));
                processes.add(system.services.process(system.service(module)));
            }
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            AutoCloseable store = () -> {
                order.add("store, services alive: " + alive(processes));
                system.store.close();
            };
            AutoCloseable broker = () -> {
                order.add("broker, services alive: " + alive(processes));
                system.broker.close();
            };

            // a terminal's Ctrl-C reaches the services too, at the same moment as the launcher
            List<String> kill = new ArrayList<>(List.of("kill", "-INT"));
            processes.forEach(p -> kill.add(Long.toString(p.pid())));
            assertThat(new ProcessBuilder(kill).inheritIO().start().waitFor()).isZero();
            Instant stopping = Instant.now();
            try {
                system.stop(store, broker);
            } finally {
                desk.stop();
                writing.interrupt();
                writing.join(Duration.ofSeconds(10).toMillis());
            }
            System.out.printf("stop: services, store and broker stopped in %.1f s%n",
                    Duration.between(stopping, Instant.now()).toMillis() / 1000.0);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(order).as("what the stop closed, in order").containsExactly("store, services alive: []",
                    "broker, services alive: []");
            Thread.sleep(RestartBackOff.RUN_COMMAND.first().multipliedBy(3).toMillis());
            soft.assertThat(processes).as("the services, after the stop").noneMatch(Process::isAlive);
            soft.assertThat(system.console()).as("the supervisor's console during the stop")
                    .doesNotContain("restarting").doesNotContain("exited with code");
            for (String module : ALL) {
                String stopLog = since(system.services.log(system.service(module)), logFrom.get(module));
                for (String sign : GONE_TOO_EARLY) {
                    soft.assertThat(stopLog).as(module + "'s log from the stop on").doesNotContain(sign);
                }
            }
            soft.assertAll();
        }
    }

    private static List<Long> alive(List<Process> processes) {
        return processes.stream().filter(Process::isAlive).map(Process::pid).toList();
    }

    private static String since(Path log, long offset) throws Exception {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
    }
}
