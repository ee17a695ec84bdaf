package org.fcr.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @ParameterizedTest
    @CsvSource({"engineering,fcr.dispatch.engineering", "Security,fcr.dispatch.security", "fire-cctv,fcr.dispatch.fire-cctv"})
    void departmentTopicsFollowTheNamingRule(String department, String topic) {
        assertThat(Topics.dispatchFor(department).name()).isEqualTo(topic);
        assertThat(Topics.dispatchFor(department).deadLetterName()).isEqualTo(topic + ".DLT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "decisions", "bad code", "a/b", "-lead"})
    void refusesDepartmentCodesThatWouldCollideOrBreakTopicNames(String department) {
        assertThatThrownBy(() -> Topics.dispatchFor(department)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fcr.requests", "fcr.dispatch.decisions", "fcr.sla", "fcr.stage-stats", "fcr.scores", "fcr.notifications"})
    void theFixedTopicsAreRegistered(String name) {
        assertThat(Topics.FIXED).extracting(Topic::name).contains(name);
    }
}
