package org.fcr.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker or the store as a process of its own ({@link InfrastructureProcess}, started from this
 * JVM's class path), so a test can kill -9 it and start it again on the same folder and ports.
 */
final class InfrastructureChild implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private String address;

    private InfrastructureChild(String name, Path log, List<String> arguments) {
        this.name = name;
        this.log = log;
        this.arguments = arguments;
    }

    static InfrastructureChild broker(Path data) throws Exception {
        InfrastructureChild broker = new InfrastructureChild("broker", data.resolve("logs").resolve("broker.log"),
                List.of("broker", data.resolve("kafka").toString(), Integer.toString(Ports.free()),
                        Integer.toString(Ports.free())));
        broker.start();
        return broker;
    }

    static InfrastructureChild store(Path data) throws Exception {
        InfrastructureChild store = new InfrastructureChild("store", data.resolve("logs").resolve("store.log"),
                List.of("store", data.resolve("mongo").resolve("fcr.mv").toString(), Integer.toString(Ports.free())));
        store.start();
        return store;
    }

    /** Starts the process (again) and waits for its ready line. */
    void start() throws Exception {
        Files.createDirectories(log.getParent());
        long from = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // the test class path also holds logback (from the services): say which logger, quietly
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-cp", System.getProperty("java.class.path"), InfrastructureProcess.class.getName()));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        address = awaitReady(from, Duration.ofSeconds(60));
    }

    private String awaitReady(long from, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            String since = output.substring((int) Math.min(from, output.length()));
            int ready = since.indexOf(InfrastructureProcess.READY);
            if (ready >= 0) {
                int end = since.indexOf('\n', ready);
                if (end > 0) {
                    return since.substring(ready + InfrastructureProcess.READY.length(), end).trim();
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** SIGKILL on Linux: no shutdown hook, no last write, as a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String address() {
        return address;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
