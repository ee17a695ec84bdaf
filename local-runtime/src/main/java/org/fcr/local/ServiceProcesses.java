package org.fcr.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Starts each service as its own JVM (its own port, its own log file) and waits until every one
 * reports healthy; stops them all on close. Separate processes keep each service's
 * {@code application.yml} its own and let one be restarted without the others
 * ({@link ServiceSupervisor} does so when one dies). Safe to use from the supervisor's threads.
 */
public final class ServiceProcesses implements AutoCloseable {

    /** What the run command gives each service: a small heap, quick start (C1 only), a small collector. */
    public static final List<String> RUN_COMMAND_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    /**
     * The services every request passes through (intake, dispatch) also get the optimising compiler: a few
     * minutes of compiling once, then about twice the accepts per CPU second (NOTES.md of intake-service).
     * Intake keeps every open request in memory for the lists: G1 with room (768 MB, taken only as needed)
     * keeps pauses short where the serial collector's full collections of a big heap took the p99 to ~0.8 s.
     */
    public static final List<String> HOT_PATH_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx768m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50", "-Xshare:auto");

    /** The run command's options for a service. */
    public static List<String> runCommandOptions(ServiceSpec service) {
        return service.hotPath() ? HOT_PATH_JVM_OPTIONS : RUN_COMMAND_JVM_OPTIONS;
    }

    private final Path projectRoot;
    private final Path logDir;
    private final Map<String, String> environment;
    private final Function<ServiceSpec, List<String>> jvmOptions;
    /** How long the services get to stop by themselves (their shutdown phases take up to 15 s) before a SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final List<ServiceSpec> started = new CopyOnWriteArrayList<>();
    private final Map<ServiceSpec, Process> running = new ConcurrentHashMap<>();
    private final Map<ServiceSpec, List<String>> arguments = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ServiceProcesses(Path projectRoot, Path logDir, Map<String, String> environment, List<String> jvmOptions) {
        this(projectRoot, logDir, environment, service -> jvmOptions);
    }

    public ServiceProcesses(Path projectRoot, Path logDir, Map<String, String> environment,
                            Function<ServiceSpec, List<String>> jvmOptions) {
        this.projectRoot = projectRoot;
        this.logDir = logDir;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /** What every service process is told: where the broker, the store and its data are, and the demo password. */
    public static Map<String, String> environment(KafkaBroker kafka, MongoStore mongo, String demoPassword, Path dataDir) {
        return environment(kafka.bootstrapServers(), mongo.uri(), demoPassword, dataDir);
    }

    public static Map<String, String> environment(String bootstrapServers, String mongoUri, String demoPassword, Path dataDir) {
        return Map.of("FCR_KAFKA", bootstrapServers, "FCR_MONGO_URI", mongoUri,
                "FCR_DEMO_PASSWORD", demoPassword, "FCR_DATA_DIR", dataDir.toAbsolutePath().toString());
    }

    public void start(ServiceSpec service, List<String> extraArguments) throws IOException {
        Path jar = service.jar(projectRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build first (mvn -DskipTests package)");
        }
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions.apply(service));
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + service.port());
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        builder.environment().putAll(environment);
        running.put(service, builder.start());
        arguments.put(service, List.copyOf(extraArguments));
        if (!started.contains(service)) {
            started.add(service);
        }
    }

    /** The service's current process (the latest start). */
    public Process process(ServiceSpec service) {
        return running.get(service);
    }

    /** Where the service's output goes (appended across restarts). */
    public Path log(ServiceSpec service) {
        return logDir.resolve(service.module() + ".log");
    }

    /** Kills a service with SIGKILL (on Linux): no shutdown hook, no last flush, as a crash would. */
    public void kill(ServiceSpec service) throws InterruptedException {
        Process process = running.get(service);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts a stopped or killed service again with the arguments of its first start; answers its new process. */
    public Process restart(ServiceSpec service) throws IOException {
        start(service, arguments.get(service));
        return running.get(service);
    }

    /** Waits until every started service answers UP on its health endpoint. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (ServiceSpec service : started) {
            while (!isHealthy(service)) {
                Process process = running.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.module() + " exited with " + process.exitValue()
                            + "; see " + log(service));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.module() + " not healthy within " + timeout.toSeconds()
                            + " s; see " + log(service));
                }
                Thread.sleep(250);
            }
        }
    }

    public boolean isHealthy(ServiceSpec service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident memory of the service processes in kB (Linux /proc), for the start-up report. */
    public long residentKilobytes() {
        return running.values().stream().mapToLong(p -> Rss.ofPid(p.pid())).sum();
    }

    /**
     * Stops every service at once (SIGTERM), waits {@link #STOP_GRACE} for all of them together, kills the
     * rest, and returns only when every process is gone: whoever closes the broker and the store next
     * finds no service still using them.
     */
    @Override
    public void close() {
        List<Process> processes = List.copyOf(running.values());
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        boolean interrupted = false;
        for (Process process : processes) {
            try {
                long left = deadline - System.nanoTime();
                if (!process.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                process.destroyForcibly();
            }
        }
        for (Process process : processes) {
            process.destroyForcibly();
            process.onExit().join();
        }
        running.clear();
        started.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
