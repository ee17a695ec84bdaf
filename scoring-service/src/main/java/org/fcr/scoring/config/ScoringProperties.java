package org.fcr.scoring.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fcr.scoring.*}: the rules table with its version, repeat-complaint period, weights, department heads. */
@ConfigurationProperties("fcr.scoring")
public record ScoringProperties(String zone, Rules rules, Duration repeatPeriod, List<String> repeatCategories,
                                Map<String, String> departmentHeads, Composite composite, int rankingSize) {

    public ScoringProperties {
        zone = zone == null ? "Asia/Shanghai" : zone;
        repeatPeriod = repeatPeriod == null ? Duration.ofDays(30) : repeatPeriod;
        repeatCategories = repeatCategories == null ? new ArrayList<>() : repeatCategories;
        departmentHeads = departmentHeads == null ? new LinkedHashMap<>() : departmentHeads;
        composite = composite == null ? new Composite(0.1, 0.5, 0.4, 0.9, 100) : composite;
        rankingSize = rankingSize <= 0 ? 5 : rankingSize;
    }

    /** A versioned rules table: rule name → points, fine and whether the department gets a notice. */
    public record Rules(int version, Map<String, Row> table) {
    }

    public record Row(int points, int fineYuan, Integer minFineYuan, Integer maxFineYuan, boolean departmentNotice) {
    }

    public record Composite(double response, double resolution, double satisfaction, double basicallySatisfied,
                            int basePoints) {
    }
}
