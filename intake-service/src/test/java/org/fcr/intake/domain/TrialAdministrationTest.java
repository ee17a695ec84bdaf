package org.fcr.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Issue 8: every change of the trial settings names who, when, from what, to what and why. */
class TrialAdministrationTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Duration LONGEST = Duration.ofDays(92);
    static final Set<String> SITE = Set.of("engineering", "security", "cleaning");

    @Test
    void switchingADepartmentIsRecordedFromAndTo() {
        TrialChange toTrial = TrialAdministration.switchDepartment(TrialSettings.ALL_LIVE, "engineering",
                DepartmentMode.TRIAL, " 试运行第一周 ", SITE, false, Journey.MANAGER, NOW).orElseThrow();
        TrialChange toLive = TrialAdministration.switchDepartment(toTrial.after(), "engineering",
                DepartmentMode.LIVE, "演练结束", SITE, false, Journey.MANAGER, NOW).orElseThrow();

        assertThat(toTrial.after().modeOf("engineering")).isEqualTo(DepartmentMode.TRIAL);
        assertThat(toTrial.entry()).isEqualTo(new TrialChange.Entry(1, NOW, "mgr01", "吴主任",
                TrialChange.Action.DEPARTMENT_MODE, "engineering", "LIVE", "TRIAL", "试运行第一周"));
        assertThat(toLive.after().modeOf("engineering")).isEqualTo(DepartmentMode.LIVE);
        assertThat(toLive.after().departments()).isEmpty();
        assertThat(toLive.entry().version()).isEqualTo(2);
        assertThat(toLive.entry().from()).isEqualTo("TRIAL");
    }

    @Test
    void aSwitchToTheCurrentModeChangesNothing() {
        assertThat(TrialAdministration.switchDepartment(TrialSettings.ALL_LIVE, "security", DepartmentMode.LIVE,
                "再确认", SITE, false, Journey.MANAGER, NOW)).isEmpty();
    }

    @Test
    void aReasonIsRequired() {
        assertThatThrownBy(() -> TrialAdministration.switchDepartment(TrialSettings.ALL_LIVE, "security",
                DepartmentMode.TRIAL, "  ", SITE, false, Journey.MANAGER, NOW))
                .isInstanceOf(CommandRefused.class).extracting("field").isEqualTo("reason");
    }

    @Test
    void aPeriodIsDeclaredThenEndedEarly() {
        Instant from = NOW.minusSeconds(3600);
        Instant to = NOW.plusSeconds(7 * 86400);
        TrialChange declared = TrialAdministration.declarePeriod(TrialSettings.ALL_LIVE, from, to, "模拟试运行",
                true, LONGEST, Journey.MANAGER, NOW);
        TrialPeriod period = declared.after().periods().get(0);
        TrialChange ended = TrialAdministration.endPeriod(declared.after(), period.id(), "提前结束",
                Journey.MANAGER, NOW.plusSeconds(60)).orElseThrow();

        assertThat(period.id()).isEqualTo("period-1");
        assertThat(declared.entry().to()).isEqualTo(from + "/" + to);
        assertThat(ended.after().periods().get(0).to()).isEqualTo(NOW.plusSeconds(60));
        assertThat(ended.after().periods().get(0).covers(NOW.plusSeconds(120))).isFalse();
        assertThat(ended.entry().action()).isEqualTo(TrialChange.Action.PERIOD_ENDED);
        assertThat(TrialAdministration.endPeriod(ended.after(), period.id(), "再次结束", Journey.MANAGER,
                NOW.plusSeconds(600))).isEmpty();
    }

    @Test
    void aPeriodEndsAfterItStarts() {
        assertThatThrownBy(() -> TrialAdministration.declarePeriod(TrialSettings.ALL_LIVE, NOW, NOW, "空",
                true, LONGEST, Journey.MANAGER, NOW)).isInstanceOf(CommandRefused.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> TrialAdministration.endPeriod(TrialSettings.ALL_LIVE, "period-9", "无",
                Journey.MANAGER, NOW)).isInstanceOf(TrialAdministration.UnknownTrialPeriod.class);
    }

    /** Issue 18: a typo must not make the whole site a drill; each case is a period the manager asked for. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} → {1} {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            // from,                  to,                     confirmed → refused field (blank = accepted)
            "2026-03-02T09:00:00Z, 2026-03-09T09:00:00Z, true,  ''",
            "2026-03-01T00:00:00Z, 2026-03-02T08:00:01Z, true,  ''",
            "2026-03-02T09:00:00Z, 2026-06-02T09:00:00Z, true,  ''",
            "2026-03-02T09:00:00Z, 2026-06-02T09:00:01Z, true,  to",
            "2026-03-02T09:00:00Z, 2063-03-02T09:00:00Z, true,  to",
            "2026-02-01T00:00:00Z, 2026-03-02T08:00:00Z, true,  to",
            "2019-05-01T00:00:00Z, 2019-05-02T00:00:00Z, true,  to",
            "2026-03-02T09:00:00Z, 2026-03-09T09:00:00Z, false, confirmWholeSite"})
    void aPeriodEndsInTheFutureLastsAtMostTheLongestAndIsConfirmedForTheWholeSite(String from, String to,
                                                                                boolean confirmed, String refused) {
        var declare = (org.assertj.core.api.ThrowableAssert.ThrowingCallable) () -> TrialAdministration.declarePeriod(
                TrialSettings.ALL_LIVE, Instant.parse(from), Instant.parse(to), "模拟试运行", confirmed, LONGEST,
                Journey.MANAGER, NOW);
        if (refused.isEmpty()) {
            org.assertj.core.api.Assertions.assertThatCode(declare).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(declare).isInstanceOf(CommandRefused.class).extracting("field").isEqualTo(refused);
        }
    }

    @Test
    void theSwitchThatLeavesNoDepartmentLiveNeedsTheConfirmation() {
        TrialSettings two = TrialAdministration.switchDepartment(TrialSettings.ALL_LIVE, "engineering",
                DepartmentMode.TRIAL, "试运行", SITE, false, Journey.MANAGER, NOW).orElseThrow().after();
        TrialSettings three = TrialAdministration.switchDepartment(two, "security", DepartmentMode.TRIAL, "试运行", SITE,
                false, Journey.MANAGER, NOW).orElseThrow().after();

        assertThatThrownBy(() -> TrialAdministration.switchDepartment(three, "cleaning", DepartmentMode.TRIAL, "全部试运行",
                SITE, false, Journey.MANAGER, NOW)).isInstanceOf(CommandRefused.class)
                .extracting("field").isEqualTo("confirmWholeSite");
        assertThat(TrialAdministration.switchDepartment(three, "cleaning", DepartmentMode.TRIAL, "全部试运行", SITE, true,
                Journey.MANAGER, NOW).orElseThrow().after().modeOf("cleaning")).isEqualTo(DepartmentMode.TRIAL);
    }
}
