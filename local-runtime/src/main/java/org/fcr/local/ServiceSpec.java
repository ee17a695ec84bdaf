package org.fcr.local;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the five services: its module (where its executable jar is built), port and pages, and
 * whether every request passes through it (the run command compiles those fully).
 */
public record ServiceSpec(String module, int port, List<String> pages, boolean hotPath) {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    public static List<ServiceSpec> defaults() {
        return List.of(
                new ServiceSpec("intake-service", 8081, List.of("/desk.html", "/department.html"), true),
                new ServiceSpec("dispatch-service", 8082, List.of("/routing.html"), true),
                new ServiceSpec("sla-monitor", 8083, List.of(), false),
                new ServiceSpec("scoring-service", 8084, List.of("/dashboard.html"), false),
                new ServiceSpec("notification-service", 8085, List.of(), false));
    }

    public ServiceSpec onPort(int newPort) {
        return new ServiceSpec(module, newPort, pages, hotPath);
    }

    public Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
