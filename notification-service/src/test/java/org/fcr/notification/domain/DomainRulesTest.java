package org.fcr.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quiet hours, backoff, masking and templates, one table each. */
class DomainRulesTest {

    static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));
    static final QuietHours LUNCH = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), ZoneId.of("UTC"));

    @ParameterizedTest(name = "{0} at {1} may go at {2}")
    @CsvSource({
            "nights, 2026-03-02T02:00:00Z, 2026-03-02T02:00:00Z",  // 10:00 local: now
            "nights, 2026-03-02T13:59:59Z, 2026-03-02T13:59:59Z",  // 21:59:59 local: now
            "nights, 2026-03-02T14:00:00Z, 2026-03-03T00:00:00Z",  // 22:00 local: next 08:00
            "nights, 2026-03-02T18:30:00Z, 2026-03-03T00:00:00Z",  // 02:30 local: same day's 08:00
            "nights, 2026-03-03T00:00:00Z, 2026-03-03T00:00:00Z",  // 08:00 local: now
            "lunch,  2026-03-02T12:30:00Z, 2026-03-02T13:30:00Z",
            "lunch,  2026-03-02T13:30:00Z, 2026-03-02T13:30:00Z",
            "lunch,  2026-03-02T11:00:00Z, 2026-03-02T11:00:00Z",
            "none,   2026-03-02T23:00:00Z, 2026-03-02T23:00:00Z"})
    void quietHoursDelayButNeverDrop(String window, Instant now, Instant release) {
        QuietHours quiet = switch (window) {
            case "nights" -> NIGHTS;
            case "lunch" -> LUNCH;
            default -> QuietHours.none();
        };
        assertThat(quiet.releaseAt(now)).isEqualTo(release);
    }

    @ParameterizedTest(name = "after {0} failed attempts: wait {1} ms")
    @CsvSource({"1, 10000", "2, 30000", "3, 90000", "4, 120000", "5, -1", "6, -1"})
    void exponentialBackoffThenGiveUp(int attempts, long waitMillis) {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), 3, Duration.ofMinutes(2));
        Optional<Duration> next = policy.nextDelay(attempts);
        if (waitMillis < 0) {
            assertThat(next).isEmpty();
        } else {
            assertThat(next).contains(Duration.ofMillis(waitMillis));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"13800138000, 138****8000", "+8613800138000, +86*******8000", "021-5555666, 021****5666", "0215555666, 02****5666",
            "12345, ***45", "1234, ****", "' 13800138000 ', 138****8000"})
    void phoneNumbersAreMasked(String phone, String masked) {
        assertThat(PhoneMask.mask(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a {x} b|x=1|a 1 b",
            "{stage} due|stage=ACCEPT|受理 due",
            "{missing}!||—!",
            "price {amount}|amount=$5\\1|price $5\\1"})
    void templatesFillAndLocalizeTheirPlaceholders(String template, String param, String expected) {
        Map<String, Object> params = param == null ? Map.of() : Map.of(param.split("=")[0], param.split("=", 2)[1]);
        TemplateBook book = new TemplateBook(Map.of("zh-CN", Map.of("t.subject", template, "t.body", "-",
                "stage.ACCEPT", "受理", "value.none", "—")), "zh-CN", ZoneId.of("UTC"));
        assertThat(book.render("t", "fr", params).subject()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"R1-1, R1-1:commitment:customer:R1:sms", "a.b$c, a_b_c:commitment:customer:R1:sms"})
    void notificationIdsAreSafeFieldNames(String eventId, String id) {
        assertThat(NotificationId.of(eventId, NoticeKind.COMMITMENT, "customer:R1", ChannelKind.SMS)).isEqualTo(id);
    }
}
