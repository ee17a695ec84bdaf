package org.fcr.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.fcr.local.KafkaBroker;
import org.fcr.local.MongoStore;
import org.fcr.local.Ports;
import org.fcr.local.ServiceProcesses;
import org.fcr.local.ServiceSpec;

/**
 * The part of the embedded stack a request crosses on its way to a department: the broker and the
 * store (in this process, as the run command has them) and intake and dispatch as processes with
 * the run command's JVM options, on free ports, in a temporary folder.
 */
final class LatencyStack implements AutoCloseable {

    static final String PASSWORD = "bench-password";
    private static final List<String> MODULES = List.of("intake-service", "dispatch-service");

    private final KafkaBroker kafka;
    private final MongoStore mongo;
    private final ServiceProcesses services;
    private final String intakeUrl;

    private LatencyStack(KafkaBroker kafka, MongoStore mongo, ServiceProcesses services, String intakeUrl) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.services = services;
        this.intakeUrl = intakeUrl;
    }

    static LatencyStack start() throws Exception {
        Path data = Files.createTempDirectory("fcr-latency");
        KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), Ports.free(), Ports.free());
        MongoStore mongo = new MongoStore(data.resolve("mongo").resolve("fcr.mv"), "localhost", Ports.free());
        kafka.start();
        mongo.start();
        ServiceProcesses services = new ServiceProcesses(Path.of("..").toAbsolutePath().normalize(), data.resolve("logs"),
                ServiceProcesses.environment(kafka, mongo, PASSWORD, data), ServiceProcesses::runCommandOptions);
        String intakeUrl = null;
        for (ServiceSpec spec : ServiceSpec.defaults()) {
            if (MODULES.contains(spec.module())) {
                ServiceSpec onFreePort = spec.onPort(Ports.free());
                services.start(onFreePort, List.of());
                if (spec.module().equals("intake-service")) {
                    intakeUrl = onFreePort.baseUrl();
                }
            }
        }
        services.awaitHealthy(Duration.ofSeconds(180));
        System.out.println("stack up in " + data + " (logs in " + data.resolve("logs") + ")");
        LatencyStack stack = new LatencyStack(kafka, mongo, services, intakeUrl);
        // a benchmark stopped from outside (Ctrl-C, timeout) must not leave intake and dispatch running
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "latency-stack-stop"));
        return stack;
    }

    String intakeUrl() {
        return intakeUrl;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        services.close();
        mongo.close();
        kafka.close();
    }
}
