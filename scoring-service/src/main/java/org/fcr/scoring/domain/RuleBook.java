package org.fcr.scoring.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The versioned rules table (from configuration). Every entry records the version it was raised
 * under, so a changed table never rewrites history: a replay keeps the entries already there.
 */
public record RuleBook(int version, Map<PenaltyRule, RuleSetting> rules) {

    public RuleBook {
        Map<PenaltyRule, RuleSetting> copy = new EnumMap<>(PenaltyRule.class);
        copy.putAll(rules);
        for (PenaltyRule rule : PenaltyRule.values()) {
            if (!copy.containsKey(rule)) {
                throw new IllegalArgumentException("The rules table has no row for " + rule);
            }
        }
        rules = Map.copyOf(copy);
    }

    public RuleSetting setting(PenaltyRule rule) {
        return rules.get(rule);
    }

    /** The defaults of SPEC §6, used by tests and as the documented seed of application.yml. */
    public static RuleBook defaults() {
        Map<PenaltyRule, RuleSetting> rules = new EnumMap<>(PenaltyRule.class);
        rules.put(PenaltyRule.STAGE_LATE, RuleSetting.of(-5, 0, false));
        rules.put(PenaltyRule.NEXT_STAGE_DELAYED, RuleSetting.of(-10, 0, false));
        rules.put(PenaltyRule.MISSING_SIGNOFF, RuleSetting.of(-10, 0, false));
        rules.put(PenaltyRule.SIGNOFF_HARM, RuleSetting.of(-10, 0, false));
        rules.put(PenaltyRule.ACK_LATE, RuleSetting.of(0, 50, true));
        rules.put(PenaltyRule.REPEAT_COMPLAINT, RuleSetting.of(0, 50, true));
        rules.put(PenaltyRule.IN_SCOPE_TRANSFER, new RuleSetting(0, 30, 30, 50, true));
        rules.put(PenaltyRule.ARBITRATION_FINDING, RuleSetting.of(0, 50, true));
        rules.put(PenaltyRule.PUSHED_AWAY, RuleSetting.of(0, 20, false));
        rules.put(PenaltyRule.LOSS_BORNE, new RuleSetting(0, 0, 0, 100000, false));
        rules.put(PenaltyRule.MEDIA_EXPOSURE, new RuleSetting(0, 50, 50, 200, true));
        rules.put(PenaltyRule.HARM, new RuleSetting(-20, 0, 0, 100000, false));
        return new RuleBook(1, rules);
    }
}
