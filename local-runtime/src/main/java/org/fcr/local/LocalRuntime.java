package org.fcr.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: a real Kafka broker (KRaft) and the MongoDB-protocol server in this
 * process, the five services as child processes, all data in one folder ({@code .data} by default).
 * A service that dies is started again ({@link ServiceSupervisor}). Ctrl-C stops everything cleanly, services
 * first ({@link #stop}); the next start finds the requests and topics again.
 */
public final class LocalRuntime {

    static final int KAFKA_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final int MONGO_PORT = 27017;

    private LocalRuntime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("simulate")) {
            org.fcr.local.simulator.SimulatorMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        RuntimeOptions options = RuntimeOptions.parse(args, System.getenv());
        Path data = options.dataDir();
        Optional<RunLock> lock = RunLock.tryAcquire(data);
        if (lock.isEmpty()) {
            System.err.println("已在运行 / Already running: the system using " + data.toAbsolutePath()
                    + " is running as process " + RunLock.holder(data) + ". Stop it with Ctrl-C in its terminal"
                    + " (or kill " + RunLock.holder(data) + ") before starting again.");
            System.exit(2);
        }
        for (int port : List.of(KAFKA_PORT, CONTROLLER_PORT, MONGO_PORT, 8081, 8082, 8083, 8084, 8085)) {
            if (!Ports.isFree(port)) {
                System.err.println("端口被占用 / Port " + port + " is in use by another program; free it and start again.");
                System.exit(3);
            }
        }
        long started = System.nanoTime();
        String password = DemoPassword.readOrCreate(data);
        KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), KAFKA_PORT, CONTROLLER_PORT);
        MongoStore mongo = new MongoStore(data.resolve("mongo").resolve("fcr.mv"), "localhost", MONGO_PORT);
        ServiceProcesses services = new ServiceProcesses(options.projectRoot(), data.resolve("logs"),
                ServiceProcesses.environment(kafka, mongo, password, data), ServiceProcesses::runCommandOptions);
        ServiceSupervisor supervisor = new ServiceSupervisor(services, RestartBackOff.RUN_COMMAND, System.out,
                Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("正在停止 / Stopping …");
            stop(supervisor, mongo, kafka);
            try {
                lock.get().close();
            } catch (Exception ignored) {
                // the OS releases the lock with the process anyway
            }
            stopped.countDown();
        }, "fcr-stop"));

        kafka.start();
        mongo.start();
        for (ServiceSpec service : ServiceSpec.defaults()) {
            services.start(service, options.argumentsFor(service));
            supervisor.watch(service);
        }
        services.awaitHealthy(Duration.ofSeconds(180));
        double seconds = (System.nanoTime() - started) / 1e9;
        long rssKb = services.residentKilobytes() + Rss.ofPid(ProcessHandle.current().pid());
        StartupBanner.print(System.out, ServiceSpec.defaults(), kafka.bootstrapServers(), mongo.uri(), data,
                password, seconds, rssKb);
        if (options.simulate()) {
            startSimulator(options, password);
        }
        stopped.await();
    }

    /**
     * The stop order: the services first (no restarts from here on; all at once, each given a bounded time,
     * then killed), and only when every one is gone the store and the broker, so no service meets its
     * store or broker gone while it stops.
     */
    static void stop(ServiceSupervisor supervisor, AutoCloseable... infrastructure) {
        supervisor.close();
        for (AutoCloseable piece : infrastructure) {
            try {
                piece.close();
            } catch (Exception e) {
                System.err.println("停止出错 / Could not stop " + piece + " cleanly: " + e);
            }
        }
    }

    /** Feeds a simulated day in the background, at the same speed-up as the SLA clocks. */
    private static void startSimulator(RuntimeOptions options, String password) {
        var simulator = new org.fcr.local.simulator.Simulator(new org.fcr.local.simulator.Simulator.Options(
                "http://localhost:8081", password, 42, 200, Double.parseDouble(options.effectiveSpeedup()), false));
        Thread thread = new Thread(() -> {
            try {
                var outcome = simulator.run();
                System.out.println("模拟完成 / Simulated day done: " + outcome.requestIds().size() + " requests");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator");
        thread.setDaemon(true);
        thread.start();
        System.out.println("模拟流量已开始 / Simulated traffic started (seed 42, " + options.effectiveSpeedup() + "× speed)");
    }

    /** Command-line and environment options of the run command. */
    record RuntimeOptions(Path dataDir, Path projectRoot, boolean simulate, String speedup) {

        static RuntimeOptions parse(String[] args, Map<String, String> env) {
            Path data = Path.of(env.getOrDefault("FCR_DATA_DIR", ".data"));
            Path root = Path.of(env.getOrDefault("FCR_HOME", "."));
            boolean simulate = false;
            String speedup = null;
            for (String arg : args) {
                if (arg.equals("--simulate")) {
                    simulate = true;
                } else if (arg.startsWith("--data=")) {
                    data = Path.of(arg.substring("--data=".length()));
                } else if (arg.startsWith("--speedup=")) {
                    speedup = arg.substring("--speedup=".length());
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg + " (known: --data=DIR --speedup=N --simulate)");
                }
            }
            return new RuntimeOptions(data, root, simulate, speedup);
        }

        /** The simulator needs a faster clock to show a day in minutes: 60× unless told otherwise. */
        String effectiveSpeedup() {
            return speedup != null ? speedup : simulate ? "60" : null;
        }

        List<String> argumentsFor(ServiceSpec service) {
            List<String> arguments = new ArrayList<>();
            if (effectiveSpeedup() != null && service.module().equals("sla-monitor")) {
                arguments.add("--fcr.sla.speedup=" + effectiveSpeedup());
            }
            return arguments;
        }
    }
}
