package org.fcr.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Manual entries by managers (with a reason, within the table's ranges) and the appeal workflow. */
class ManualEntriesAndAppealsTest {

    static final Instant AT = Instant.parse("2026-11-05T08:00:00Z");
    static final Person MANAGER = new Person("mgr01", "吴主任", "administration");
    static final Person ENG = new Person("eng01", "刘强", "engineering");
    final ManualEntries manual = new ManualEntries(RuleBook.defaults());

    static ManualEntries.Order order(PenaltyRule rule, Integer fine, String reason) {
        return new ManualEntries.Order(rule, Subject.of(ENG), "R1", null, fine, reason, "k1", false);
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of(PenaltyRule.MEDIA_EXPOSURE, 120, "被媒体曝光", null),
                Arguments.of(PenaltyRule.MEDIA_EXPOSURE, 49, "被媒体曝光", "between 50 and 200"),
                Arguments.of(PenaltyRule.MEDIA_EXPOSURE, 201, "被媒体曝光", "between 50 and 200"),
                Arguments.of(PenaltyRule.HARM, null, "造成损失", null),
                Arguments.of(PenaltyRule.LOSS_BORNE, 800, "赔偿业主损失", null),
                Arguments.of(PenaltyRule.LOSS_BORNE, 800, "  ", "needs a reason"),
                Arguments.of(PenaltyRule.STAGE_LATE, null, "手工扣分", "raised automatically"));
    }

    @ParameterizedTest(name = "{0} fine {1} \"{2}\" → {3}")
    @MethodSource("orders")
    void manualEntry(PenaltyRule rule, Integer fine, String reason, String refusal) {
        if (refusal != null) {
            assertThatThrownBy(() -> manual.record(order(rule, fine, reason), MANAGER, AT)).hasMessageContaining(refusal);
            return;
        }
        LedgerEntry entry = manual.record(order(rule, fine, reason), MANAGER, AT);
        assertThat(entry.manual()).isTrue();
        assertThat(entry.recordedById()).isEqualTo("mgr01");
        assertThat(entry.points()).isEqualTo(RuleBook.defaults().setting(rule).points());
        assertThat(entry.id()).isEqualTo(manual.record(order(rule, fine, reason), MANAGER, AT).id());
    }

    @Test
    void thePersonAppealsAndAManagerCancelsTheEntryStaysVisibleButStopsCounting() {
        LedgerEntry entry = manual.record(order(PenaltyRule.HARM, null, "造成损失"), MANAGER, AT);
        LedgerEntry appealed = Appeals.appeal(entry, ENG, "当时业主不在家", AT);
        LedgerEntry cancelled = Appeals.decide(appealed, Appeals.Decision.CANCEL, MANAGER, "核实属实", AT);
        assertThat(cancelled.status()).isEqualTo(EntryStatus.CANCELLED);
        assertThat(cancelled.counts()).isFalse();
        assertThat(cancelled.history()).extracting(StatusChange::status)
                .containsExactly(EntryStatus.APPEALED, EntryStatus.CANCELLED);
        assertThat(Appeals.decide(appealed, Appeals.Decision.UPHOLD, MANAGER, "维持", AT).counts()).isTrue();
    }

    @Test
    void onlyTheSubjectAppealsOnlyOnceAndOnlyWithAReason() {
        LedgerEntry entry = manual.record(order(PenaltyRule.HARM, null, "造成损失"), MANAGER, AT);
        Person other = new Person("eng02", "陈刚", "engineering");
        assertThatThrownBy(() -> Appeals.appeal(entry, other, "不是我", AT)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> Appeals.appeal(entry, ENG, "", AT)).isInstanceOf(IllegalArgumentException.class);
        LedgerEntry appealed = Appeals.appeal(entry, ENG, "理由", AT);
        assertThatThrownBy(() -> Appeals.appeal(appealed, ENG, "再次", AT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Appeals.decide(entry, Appeals.Decision.CANCEL, MANAGER, "x", AT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDepartmentEntryIsAppealedByAMemberOfTheDepartment() {
        LedgerEntry entry = new ManualEntries(RuleBook.defaults()).record(new ManualEntries.Order(PenaltyRule.MEDIA_EXPOSURE,
                Subject.department("engineering"), null, null, 100, "媒体曝光", "k2", false), MANAGER, AT);
        assertThat(Appeals.appeal(entry, ENG, "情况不符", AT).status()).isEqualTo(EntryStatus.APPEALED);
    }
}
