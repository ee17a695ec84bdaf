package org.fcr.local.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public HTTP APIs, signed in as a named demo user: the simulator uses nothing else. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String password;

    public ApiClient(String password) {
        this.password = password;
    }

    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer get(String url, String user) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), user);
    }

    public Answer post(String url, String user, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), user);
    }

    /** A POST that a retry with the same key may repeat safely: the server answers it once. */
    public Answer post(String url, String user, Object body, String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), user);
    }

    private Answer send(HttpRequest.Builder builder, String user) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(builder.header("Authorization", "Basic " + token)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            return new Answer(0, json.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, json.nullNode());
        }
    }
}
