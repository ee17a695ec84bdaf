package org.fcr.scoring.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.fcr.scoring.domain.Assessor;
import org.fcr.scoring.domain.ManualEntries;
import org.fcr.scoring.domain.PenaltyRule;
import org.fcr.scoring.domain.Periods;
import org.fcr.scoring.domain.Person;
import org.fcr.scoring.domain.RepeatComplaints;
import org.fcr.scoring.domain.RuleBook;
import org.fcr.scoring.domain.RuleSetting;
import org.fcr.scoring.domain.RulesEngine;
import org.fcr.scoring.domain.Weights;
import org.fcr.support.security.StaffDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the pure domain from configuration: the rules table lives in application.yml only. */
@Configuration(proxyBeanMethods = false)
public class ScoringConfiguration {

    @Bean
    RuleBook ruleBook(ScoringProperties properties) {
        if (properties.rules() == null) {
            throw new IllegalStateException("fcr.scoring.rules is missing from the configuration");
        }
        Map<PenaltyRule, RuleSetting> rules = new EnumMap<>(PenaltyRule.class);
        properties.rules().table().forEach((name, row) -> rules.put(PenaltyRule.valueOf(name.toUpperCase(java.util.Locale.ROOT)), new RuleSetting(
                row.points(), row.fineYuan(), row.minFineYuan() == null ? row.fineYuan() : row.minFineYuan(),
                row.maxFineYuan() == null ? row.fineYuan() : row.maxFineYuan(), row.departmentNotice())));
        return new RuleBook(properties.rules().version(), rules);
    }

    @Bean
    RulesEngine rulesEngine(RuleBook book) {
        return new RulesEngine(book);
    }

    @Bean
    RepeatComplaints repeatComplaints(RuleBook book, ScoringProperties properties, StaffDirectory staff) {
        Map<String, Person> heads = new HashMap<>();
        properties.departmentHeads().forEach((department, username) -> heads.put(department, staff.find(username)
                .map(m -> new Person(m.getUsername(), m.getName(), department))
                .orElse(new Person(username, username, department))));
        return new RepeatComplaints(book, new RepeatComplaints.Policy(properties.repeatPeriod(),
                Set.copyOf(properties.repeatCategories()), heads));
    }

    @Bean
    Weights weights(ScoringProperties properties) {
        var c = properties.composite();
        return new Weights(c.response(), c.resolution(), c.satisfaction(), c.basicallySatisfied(), c.basePoints());
    }

    @Bean
    Assessor assessor(Weights weights) {
        return new Assessor(weights);
    }

    @Bean
    ManualEntries manualEntries(RuleBook book) {
        return new ManualEntries(book);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Periods periods(ScoringProperties properties) {
        return new Periods(ZoneId.of(properties.zone()));
    }
}
