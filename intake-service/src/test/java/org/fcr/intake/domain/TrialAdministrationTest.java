package org.fcr.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Issue 8: every change of the trial settings names who, when, from what, to what and why. */
class TrialAdministrationTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void switchingADepartmentIsRecordedFromAndTo() {
        TrialChange toTrial = TrialAdministration.switchDepartment(TrialSettings.ALL_LIVE, "engineering",
                DepartmentMode.TRIAL, " 试运行第一周 ", Journey.MANAGER, NOW).orElseThrow();
        TrialChange toLive = TrialAdministration.switchDepartment(toTrial.after(), "engineering",
                DepartmentMode.LIVE, "演练结束", Journey.MANAGER, NOW).orElseThrow();

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
                "再确认", Journey.MANAGER, NOW)).isEmpty();
    }

    @Test
    void aReasonIsRequired() {
        assertThatThrownBy(() -> TrialAdministration.switchDepartment(TrialSettings.ALL_LIVE, "security",
                DepartmentMode.TRIAL, "  ", Journey.MANAGER, NOW))
                .isInstanceOf(CommandRefused.class).extracting("field").isEqualTo("reason");
    }

    @Test
    void aPeriodIsDeclaredThenEndedEarly() {
        Instant from = NOW.minusSeconds(3600);
        Instant to = NOW.plusSeconds(7 * 86400);
        TrialChange declared = TrialAdministration.declarePeriod(TrialSettings.ALL_LIVE, from, to, "模拟试运行",
                Journey.MANAGER, NOW);
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
                Journey.MANAGER, NOW)).isInstanceOf(CommandRefused.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> TrialAdministration.endPeriod(TrialSettings.ALL_LIVE, "period-9", "无",
                Journey.MANAGER, NOW)).isInstanceOf(TrialAdministration.UnknownTrialPeriod.class);
    }
}
