package org.fcr.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fcr.local.simulator.ApiClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole system as the run command starts it (same launcher classes), but on ephemeral ports
 * and in a temporary folder, for end-to-end tests; calls go through the simulator's signed-in client.
 */
final class RunningSystem implements AutoCloseable {

    static final String PASSWORD = "e2e-password";

    final Infrastructure infrastructure;
    final ServiceProcesses services;
    final Map<String, ServiceSpec> byModule = new LinkedHashMap<>();
    private final ApiClient api = new ApiClient(PASSWORD);
    private final ObjectMapper json = new ObjectMapper();

    /** All five services, broker and store in this JVM. */
    RunningSystem(Path data, Map<String, List<String>> extraArguments) throws Exception {
        this(data, Infrastructure.inProcess(data), ServiceSpec.defaults().stream().map(ServiceSpec::module).toList(),
                extraArguments);
    }

    /** The named services on the given infrastructure, which this system closes with itself. */
    RunningSystem(Path data, Infrastructure infrastructure, List<String> modules, Map<String, List<String>> extraArguments)
            throws Exception {
        this.infrastructure = infrastructure;
        services = new ServiceProcesses(Path.of("..").toAbsolutePath().normalize(), data.resolve("logs"),
                ServiceProcesses.environment(infrastructure.bootstrapServers(), infrastructure.mongoUri(), PASSWORD, data),
                List.of("-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        try {
            for (ServiceSpec spec : ServiceSpec.defaults()) {
                if (modules.contains(spec.module())) {
                    ServiceSpec onFreePort = spec.onPort(Ports.free());
                    byModule.put(spec.module(), onFreePort);
                    services.start(onFreePort, extraArguments.getOrDefault(spec.module(), List.of()));
                }
            }
            services.awaitHealthy(Duration.ofSeconds(240));
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    ServiceSpec service(String module) {
        return byModule.get(module);
    }

    String url(String module, String path) {
        return byModule.get(module).baseUrl() + path;
    }

    JsonNode get(String module, String path, String user) {
        return expect(api.get(url(module, path), user), 200);
    }

    JsonNode post(String module, String path, String user, String body, int expectedStatus) {
        return expect(api.post(url(module, path), user, json.readTree(body)), expectedStatus);
    }

    private static JsonNode expect(ApiClient.Answer answer, int expectedStatus) {
        if (answer.status() != expectedStatus) {
            throw new AssertionError("Expected " + expectedStatus + " but got " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode array = node.has("content") ? node.get("content") : node;
        array.forEach(list::add);
        return list;
    }

    @Override
    public void close() {
        services.close();
        infrastructure.close();
    }
}
