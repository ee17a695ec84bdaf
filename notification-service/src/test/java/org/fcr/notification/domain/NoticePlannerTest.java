package org.fcr.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fcr.notification.testing.FakeDirectory;
import org.fcr.notification.testing.ShippedSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who is told what by which channel, with the routing rules exactly as shipped in application.yml. */
class NoticePlannerTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai: outside quiet hours. */
    static final Instant DAY = Instant.parse("2026-03-02T02:00:00Z");
    /** 23:30 in Shanghai: inside quiet hours. */
    static final Instant NIGHT = Instant.parse("2026-03-02T15:30:00Z");

    static final NoticePlanner PLANNER = planner(EnumSet.allOf(ChannelKind.class));

    static NoticePlanner planner(Set<ChannelKind> enabled) {
        return new NoticePlanner(ShippedSettings.rules(), new FakeDirectory(), ShippedSettings.templates(),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI), enabled, "zh-CN");
    }

    /** Request R1: customer 李先生 with phone and e-mail; first responder staff01; handler eng01 in engineering. */
    static Occurrence occurrence(NoticeKind kind) {
        return occurrence(kind, false, false, "li@example.org");
    }

    static Occurrence occurrence(NoticeKind kind, boolean urgent, boolean drill, String customerEmail) {
        Map<String, Object> params = new HashMap<>();
        params.put("description", "厨房水管漏水");
        params.put("stage", "ACCEPT");
        params.put("deadline", DAY);
        return new Occurrence("R1-5", kind, "R1", DAY, urgent, drill,
                new Customer("李先生", "3-2-501", "13800138000", customerEmail), "staff01", "eng01", "engineering",
                kind == NoticeKind.PENALTY ? "eng01" : null, params);
    }

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(NoticeKind.COMMITMENT, Set.of("CUSTOMER customer:R1 SMS", "CUSTOMER customer:R1 EMAIL")),
                Arguments.of(NoticeKind.MAJOR_COMPLAINT, Set.of("SUPERVISOR sup01 IN_APP", "SUPERVISOR sup01 EMAIL",
                        "GROUP robot:engineering WEBHOOK", "OFFICE_MANAGER mgr01 IN_APP", "OFFICE_MANAGER mgr01 EMAIL",
                        "GROUP robot:default WEBHOOK")),
                Arguments.of(NoticeKind.DISPATCHED, Set.of("CUSTOMER customer:R1 SMS")),
                Arguments.of(NoticeKind.NEW_TICKET, Set.of("HANDLER eng01 IN_APP", "GROUP robot:engineering WEBHOOK",
                        "SUPERVISOR sup01 IN_APP")),
                Arguments.of(NoticeKind.TICKET_RETURNED, Set.of("DESK desk01 IN_APP", "DESK desk02 IN_APP",
                        "FIRST_RESPONDER staff01 IN_APP")),
                Arguments.of(NoticeKind.ARBITRATION, Set.of("OFFICE_MANAGER mgr01 IN_APP", "OFFICE_MANAGER mgr01 EMAIL",
                        "DESK desk01 IN_APP", "DESK desk02 IN_APP")),
                Arguments.of(NoticeKind.QUOTE, Set.of("CUSTOMER customer:R1 SMS", "CUSTOMER customer:R1 EMAIL")),
                // 双告知: customer, desk and first responder at the same time
                Arguments.of(NoticeKind.RESULT, Set.of("CUSTOMER customer:R1 SMS", "CUSTOMER customer:R1 EMAIL",
                        "DESK desk01 IN_APP", "DESK desk02 IN_APP", "FIRST_RESPONDER staff01 IN_APP",
                        "FIRST_RESPONDER staff01 EMAIL")),
                Arguments.of(NoticeKind.RETURN_VISIT, Set.of("CUSTOMER customer:R1 SMS", "FIRST_RESPONDER staff01 IN_APP")),
                // 双督办: the handler is chased by the desk and the first responder
                Arguments.of(NoticeKind.REMINDER, Set.of("HANDLER eng01 IN_APP", "GROUP robot:engineering WEBHOOK",
                        "DESK desk01 IN_APP", "DESK desk02 IN_APP", "FIRST_RESPONDER staff01 IN_APP")),
                Arguments.of(NoticeKind.BREACHED, Set.of("HANDLER eng01 IN_APP", "HANDLER eng01 EMAIL",
                        "DESK desk01 IN_APP", "DESK desk02 IN_APP", "FIRST_RESPONDER staff01 IN_APP",
                        "SUPERVISOR sup01 IN_APP")),
                Arguments.of(NoticeKind.ESCALATED, Set.of("SUPERVISOR sup01 IN_APP", "SUPERVISOR sup01 EMAIL",
                        "GROUP robot:engineering WEBHOOK", "DESK desk01 IN_APP", "DESK desk02 IN_APP")),
                Arguments.of(NoticeKind.CONFLICT_ESCALATION, Set.of("OFFICE_MANAGER mgr01 IN_APP",
                        "OFFICE_MANAGER mgr01 EMAIL", "GROUP robot:default WEBHOOK", "SUPERVISOR sup01 IN_APP",
                        "SUPERVISOR sup01 EMAIL")),
                Arguments.of(NoticeKind.PENALTY, Set.of("PERSON eng01 IN_APP", "PERSON eng01 EMAIL")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyKind")
    void eachKindReachesTheRightPeopleByTheRightChannels(NoticeKind kind, Set<String> expected) {
        List<PlannedNotice> notices = PLANNER.plan(occurrence(kind), DAY);
        assertThat(notices).extracting(n -> n.audience() + " " + n.recipientId() + " " + n.channel())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(n.dueAt()).isEqualTo(DAY);
            assertThat(n.subject()).isNotBlank().doesNotContain("{");
            assertThat(n.body()).isNotBlank().doesNotContain("{");
        });
    }

    @Test
    void everyKindHasARule() {
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(ShippedSettings.rules().forKind(kind)).as(kind.name()).isPresent();
        }
    }

    @Test
    void aGroupRobotGetsOneMessageNamingEveryoneItConcerns() {
        var robot = PLANNER.plan(occurrence(NoticeKind.MAJOR_COMPLAINT), DAY).stream()
                .filter(n -> n.recipientId().equals("robot:engineering")).findFirst().orElseThrow();
        assertThat(robot.mentions()).containsExactly("sup01");
        assertThat(robot.address()).isEqualTo("http://robot/engineering");
    }

    @Test
    void thePhoneIsMaskedInEveryTextAndWholeOnlyAsTheSmsAddress() {
        for (NoticeKind kind : NoticeKind.values()) {
            for (PlannedNotice n : PLANNER.plan(occurrence(kind), DAY)) {
                assertThat(n.subject() + n.body()).as(n.id()).doesNotContain("13800138000");
                if (n.channel() != ChannelKind.SMS) {
                    assertThat(n.address()).as(n.id()).isNotEqualTo("13800138000");
                }
            }
        }
        var sms = PLANNER.plan(occurrence(NoticeKind.COMMITMENT), DAY).stream()
                .filter(n -> n.channel() == ChannelKind.SMS).findFirst().orElseThrow();
        assertThat(sms.address()).isEqualTo("13800138000");
        assertThat(sms.body()).contains("138****8000");
    }

    @Test
    void aDrillNeverReachesTheCustomerButStaffStillHear() {
        var notices = PLANNER.plan(occurrence(NoticeKind.RESULT, false, true, "li@example.org"), DAY);
        assertThat(notices).filteredOn(n -> n.audience() == Audience.CUSTOMER).isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.status()).isEqualTo(DeliveryStatus.SUPPRESSED);
                    assertThat(n.reason()).isEqualTo("drill");
                });
        assertThat(notices).filteredOn(n -> n.audience() != Audience.CUSTOMER).isNotEmpty()
                .allSatisfy(n -> assertThat(n.status()).isEqualTo(DeliveryStatus.PENDING));
    }

    @Test
    void quietHoursDelayNonUrgentCustomerMessagesOnly() {
        var morning = Instant.parse("2026-03-03T00:00:00Z"); // 08:00 in Shanghai
        var result = PLANNER.plan(occurrence(NoticeKind.RESULT), NIGHT);
        assertThat(result).filteredOn(n -> n.audience() == Audience.CUSTOMER)
                .allSatisfy(n -> assertThat(n.dueAt()).isEqualTo(morning));
        assertThat(result).filteredOn(n -> n.audience() != Audience.CUSTOMER)
                .allSatisfy(n -> assertThat(n.dueAt()).isEqualTo(NIGHT));

        var accident = PLANNER.plan(occurrence(NoticeKind.COMMITMENT, true, false, null), NIGHT);
        assertThat(accident).allSatisfy(n -> assertThat(n.dueAt()).isEqualTo(NIGHT));
    }

    @Test
    void whatCannotGoIsKeptVisibleAsSuppressedWithItsReason() {
        var noEmailChannel = planner(EnumSet.of(ChannelKind.SMS, ChannelKind.IN_APP));
        Map<ChannelKind, String> reasons = noEmailChannel.plan(occurrence(NoticeKind.COMMITMENT, false, false, null), DAY)
                .stream().collect(Collectors.toMap(PlannedNotice::channel, n -> n.status() + " " + n.reason()));
        assertThat(reasons).containsEntry(ChannelKind.SMS, "PENDING null")
                .containsEntry(ChannelKind.EMAIL, "SUPPRESSED channel-off");

        var noCustomerEmail = PLANNER.plan(occurrence(NoticeKind.COMMITMENT, false, false, null), DAY).stream()
                .filter(n -> n.channel() == ChannelKind.EMAIL).findFirst().orElseThrow();
        assertThat(noCustomerEmail.status()).isEqualTo(DeliveryStatus.SUPPRESSED);
        assertThat(noCustomerEmail.reason()).isEqualTo("no-address");
    }

    @Test
    void aPersonInTwoAudiencesHearsOncePerChannel() {
        var o = new Occurrence("R2-9", NoticeKind.RESULT, "R2", DAY, false, false, Customer.none(), "desk01", null,
                null, null, Map.of());
        var desk01 = PLANNER.plan(o, DAY).stream().filter(n -> n.recipientId().equals("desk01"))
                .map(n -> n.audience() + " " + n.channel()).toList();
        assertThat(desk01).containsExactlyInAnyOrder("DESK IN_APP", "FIRST_RESPONDER EMAIL");
    }

    @Test
    void idsAreDeterministicSoAReplayMapsOntoTheSameNotifications() {
        var first = PLANNER.plan(occurrence(NoticeKind.REMINDER), DAY).stream().map(PlannedNotice::id).toList();
        var again = PLANNER.plan(occurrence(NoticeKind.REMINDER), DAY.plusSeconds(3600)).stream()
                .map(PlannedNotice::id).toList();
        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
        assertThat(first).contains("R1-5:reminder:eng01:in_app");
    }

    @Test
    void staffReadTheirOwnLanguage() {
        var o = new Occurrence("R3-1", NoticeKind.PENALTY, "R3", DAY, false, false, Customer.none(), null, null,
                "administration", "admin", Map.of("rule", "STAGE_LATE", "points", -5, "fineYuan", 0,
                "reason", "late", "entryId", "E1", "appealDays", 7));
        var inApp = PLANNER.plan(o, DAY).get(0);
        assertThat(inApp.locale()).isEqualTo("en");
        assertThat(inApp.subject()).isEqualTo("[Assessment] stage late: -5 points, fine 0 yuan");
        assertThat(inApp.body()).contains("within 7 days").contains("entry E1");
    }
}
