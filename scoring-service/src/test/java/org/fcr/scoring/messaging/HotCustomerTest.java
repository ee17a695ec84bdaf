package org.fcr.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.fcr.events.Category;
import org.fcr.events.RequestEvent;
import org.fcr.events.Satisfaction;
import org.fcr.schemas.Topics;
import org.fcr.scoring.support.ScoringServiceTest;
import org.fcr.scoring.support.Steps;
import org.fcr.scoring.support.Story;
import org.fcr.support.kafka.TopicPublisher;
import org.fcr.support.test.ConsumerLag;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18: one customer who calls often (staff reporting public-area faults with the desk's own phone)
 * must not stall scoring. 2,000 requests from one phone in one category, each handled within minutes:
 * scoring's lag is back at zero within a bounded time, and each repeat is fined once, not once per pair.
 */
@ScoringServiceTest
class HotCustomerTest {

    private static final int REQUESTS = Integer.getInteger("fcr.test.hot-customer.requests", 2_000);
    private static final String PHONE = "13900001111";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "fcr_scoring_hot_customer");
    }

    @Autowired
    TopicPublisher publisher;
    @Autowired
    WebTestClient client;

    @Test
    void twoThousandRequestsFromOneCustomerDrainAndEachRepeatIsFinedOnce() throws Exception {
        Instant start = Instant.parse("2026-10-01T01:00:00Z");
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long published = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Story story = Story.of("HOT-" + i, start.plus(Duration.ofMinutes(i)), Category.FAULT_REPAIR, PHONE);
            List<RequestEvent> events = new ArrayList<>();
            events.add(story.accepted());
            events.add(Steps.dispatched(story.after(Duration.ofSeconds(5)), "engineering"));
            events.add(Steps.acknowledged(story.after(Duration.ofSeconds(5)), Story.ENGINEER));
            events.add(Steps.completed(story.after(Duration.ofSeconds(20)), Story.ENGINEER, true));
            events.add(Steps.reportedBack(story.after(Duration.ofSeconds(5)), Story.ENGINEER, true));
            events.add(Steps.revisited(story.after(Duration.ofSeconds(5)), true, Satisfaction.SATISFIED));
            for (RequestEvent event : events) {
                sent.add(publisher.publish(Topics.REQUESTS, event.getRequestId(), event));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        System.out.printf("hot customer: %,d records published in %.1f s%n", sent.size(),
                (System.nanoTime() - published) / 1e9);

        Duration drained;
        try (ConsumerLag lag = new ConsumerLag(TestInfrastructure.bootstrapServers())) {
            drained = lag.awaitZero("scoring-service", List.of(Topics.REQUESTS.name()), Duration.ofMinutes(3));
        }
        System.out.printf("hot customer: scoring's lag back at zero %.1f s after the last record (%,d records, %.0f/s)%n",
                drained.toMillis() / 1e3, sent.size(), sent.size() / Math.max(0.001, drained.toMillis() / 1e3));

        JsonNode repeats = client.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 << 20)).build().get().uri("/api/ledger?rule=REPEAT_COMPLAINT&period=2026-10")
                .headers(h -> h.setBasicAuth("mgr01", TestInfrastructure.PASSWORD))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> finedFor = new ArrayList<>();
        repeats.forEach(entry -> {
            if ("REPEAT_COMPLAINT".equals(entry.path("rule").asText())) {
                finedFor.add(entry.path("requestId").asText());
            }
        });
        assertThat(finedFor).as("one repeat-complaint fine per repeat, each on the repeat").doesNotHaveDuplicates()
                .hasSize(REQUESTS - 1).doesNotContain("HOT-0");
    }
}
