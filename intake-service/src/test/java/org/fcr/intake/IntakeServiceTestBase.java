package org.fcr.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fcr.events.RequestEvent;
import org.fcr.schemas.Topics;
import org.fcr.support.test.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every service test runs intake on the real broker and the Mongo wire server (one Spring context). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fcr.intake.sweep-after=PT5S", "fcr.intake.sweep-interval=PT1S", "fcr.intake.repair-on-start=false",
                "fcr.intake.idempotency-wait=PT6S"})
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class IntakeServiceTestBase {

    public static final String SKELETON = """
            {"channel":"HOTLINE","category":"FAULT_REPAIR","subcategory":"水电","size":"SMALL","scope":"IN_SCOPE",
             "customer":{"name":"李先生","unit":"3-2-501","phone":"13800138000"},"description":"厨房水管漏水"}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "intake_test");
    }

    @Autowired
    protected WebTestClient client;

    protected WebTestClient.RequestBodySpec post(String user, String uri) {
        return client.post().uri(uri).headers(h -> h.setBasicAuth(user, TestInfrastructure.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON);
    }

    protected WebTestClient.RequestHeadersSpec<?> get(String user, String uri) {
        return client.get().uri(uri).headers(h -> h.setBasicAuth(user, TestInfrastructure.PASSWORD));
    }

    /** Creates a request as desk01 and answers its id. */
    @SuppressWarnings("unchecked")
    protected String create(String json) {
        Map<String, Object> body = post("desk01", "/api/requests").bodyValue(json).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("id");
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> view(String id) {
        return get("desk01", "/api/requests/" + id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    protected List<String> timelineTypes(String id) {
        return ((List<Map<String, Object>>) view(id).get("timeline")).stream().map(e -> (String) e.get("type")).toList();
    }

    protected WebTestClient.ResponseSpec command(String user, String id, String command, String json) {
        return post(user, "/api/requests/" + id + "/" + command).bodyValue(json == null ? "{}" : json).exchange();
    }

    /** Every event on fcr.requests for one request, read from the beginning with a fresh consumer. */
    protected static List<RequestEvent> publishedFor(String requestId, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<RequestEvent> found = new ArrayList<>();
        // bytes, decoded one by one: a test puts poison records on the topic, which a typed consumer cannot pass
        var decoder = Topics.REQUESTS.valueSerde().deserializer();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REQUESTS.name()));
            long until = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < until && found.size() < atLeast) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (requestId.equals(r.key())) {
                        found.add(decoder.deserialize(r.topic(), r.value()));
                    }
                });
            }
        }
        return found;
    }
}
