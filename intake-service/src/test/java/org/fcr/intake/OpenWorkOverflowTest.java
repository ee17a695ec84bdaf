package org.fcr.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fcr.intake.store.OpenWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * An intake allowed to hold a single open request, with more open than that: it holds none, says so in a
 * metric, and its lists still answer every open request, read from the store. (Loading again once they
 * are fewer: {@code OpenWorkLimitTest}.)
 */
@TestPropertySource(properties = "fcr.intake.open-work-limit=1")
@DirtiesContext // a context that holds no open work must not stay cached for the other tests
class OpenWorkOverflowTest extends IntakeServiceTestBase {

    @Autowired
    OpenWork openWork;

    @Autowired
    MeterRegistry meters;

    @Test
    @SuppressWarnings("unchecked")
    void pastTheLimitTheListsReadTheStoreAndStayWhole() {
        String first = create(SKELETON);
        String second = create(SKELETON);
        await().atMost(Duration.ofSeconds(20)).until(openWork::overflowed);
        assertThat(openWork.loaded()).isFalse();
        assertThat(openWork.size()).isZero();
        assertThat(meters.get("fcr.intake.open.work.overflowed").gauge().value()).isEqualTo(1.0);

        Map<String, Object> page = get("desk01", "/api/requests?status=OPEN&firstResponder=desk01&size=200&sort=receivedAt,desc")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<String> ids = ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("id")).toList();
        assertThat(ids).contains(first, second);
        assertThat(((Number) page.get("total")).longValue()).isGreaterThanOrEqualTo(2);
    }
}
