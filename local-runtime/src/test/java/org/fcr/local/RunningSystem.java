package org.fcr.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole system as the run command starts it (same launcher classes), but on ephemeral ports
 * and in a temporary folder, for end-to-end tests; plus a small signed-in HTTP client.
 */
final class RunningSystem implements AutoCloseable {

    static final String PASSWORD = "e2e-password";

    final KafkaBroker kafka;
    final MongoStore mongo;
    final ServiceProcesses services;
    final Map<String, ServiceSpec> byModule = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    RunningSystem(Path data, Map<String, List<String>> extraArguments) throws Exception {
        kafka = new KafkaBroker(data.resolve("kafka"), Ports.free(), Ports.free());
        mongo = new MongoStore(data.resolve("mongo").resolve("fcr.mv"), "localhost", Ports.free());
        kafka.start();
        mongo.start();
        services = new ServiceProcesses(Path.of("..").toAbsolutePath().normalize(), data.resolve("logs"),
                Map.of("FCR_KAFKA", kafka.bootstrapServers(), "FCR_MONGO_URI", mongo.uri(),
                        "FCR_DEMO_PASSWORD", PASSWORD, "FCR_DATA_DIR", data.toAbsolutePath().toString()),
                List.of("-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        for (ServiceSpec spec : ServiceSpec.defaults()) {
            ServiceSpec onFreePort = spec.onPort(Ports.free());
            byModule.put(spec.module(), onFreePort);
            services.start(onFreePort, extraArguments.getOrDefault(spec.module(), List.of()));
        }
        services.awaitHealthy(Duration.ofSeconds(240));
    }

    String url(String module, String path) {
        return byModule.get(module).baseUrl() + path;
    }

    JsonNode get(String module, String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(module, path))).GET(), user, 200);
    }

    JsonNode post(String module, String path, String user, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url(module, path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), user, expectedStatus);
    }

    private JsonNode send(HttpRequest.Builder builder, String user, int expectedStatus) throws IOException, InterruptedException {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(builder.header("Authorization", "Basic " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("Expected " + expectedStatus + " but got " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
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
        mongo.close();
        kafka.close();
    }
}
