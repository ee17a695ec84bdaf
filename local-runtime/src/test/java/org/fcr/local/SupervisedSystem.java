package org.fcr.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named services as the run command starts and supervises them (its own classes: ServiceProcesses,
 * ServiceSupervisor, the broker and the store in this JVM, {@link LocalRuntime#stop}), on ephemeral ports
 * and in a temporary folder; the supervisor's console is kept for the test to read.
 */
final class SupervisedSystem implements AutoCloseable {

    final KafkaBroker broker;
    final MongoStore store;
    final ServiceProcesses services;
    final ServiceSupervisor supervisor;
    final Map<String, ServiceSpec> byModule = new LinkedHashMap<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private boolean stopped;

    SupervisedSystem(Path data, RestartBackOff backOff, List<String> modules) throws Exception {
        broker = new KafkaBroker(data.resolve("kafka"), Ports.free(), Ports.free());
        store = new MongoStore(data.resolve("mongo").resolve("fcr.mv"), "localhost", Ports.free());
        broker.start();
        store.start();
        services = new ServiceProcesses(Path.of("..").toAbsolutePath().normalize(), data.resolve("logs"),
                ServiceProcesses.environment(broker, store, RunningSystem.PASSWORD, data),
                List.of("-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        PrintStream both = new PrintStream(new Tee(console, System.out), true, StandardCharsets.UTF_8);
        supervisor = new ServiceSupervisor(services, backOff, both, Clock.systemUTC());
        try {
            for (ServiceSpec spec : ServiceSpec.defaults()) {
                if (modules.contains(spec.module())) {
                    ServiceSpec onFreePort = spec.onPort(Ports.free());
                    byModule.put(spec.module(), onFreePort);
                    services.start(onFreePort, List.of());
                    supervisor.watch(onFreePort);
                }
            }
            services.awaitHealthy(Duration.ofSeconds(240));
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    ServiceSpec service(String module) {
        return byModule.get(module);
    }

    String console() {
        synchronized (console) {
            return console.toString(StandardCharsets.UTF_8);
        }
    }

    String log(String module) throws IOException {
        return Files.readString(services.log(service(module)), StandardCharsets.UTF_8);
    }

    /** The run command's stop, in its order; safe to call twice. */
    void stop(AutoCloseable store, AutoCloseable broker) {
        if (!stopped) {
            stopped = true;
            LocalRuntime.stop(supervisor, store, broker);
        }
    }

    @Override
    public void close() {
        stop(store, broker);
    }

    /** The console goes to the test's output too, so a failed run shows what the supervisor said. */
    private static final class Tee extends OutputStream {

        private final ByteArrayOutputStream kept;
        private final PrintStream shown;

        Tee(ByteArrayOutputStream kept, PrintStream shown) {
            this.kept = kept;
            this.shown = shown;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (kept) {
                kept.write(bytes, offset, length);
            }
            shown.write(bytes, offset, length);
        }
    }
}
