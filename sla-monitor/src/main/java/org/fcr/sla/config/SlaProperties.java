package org.fcr.sla.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fcr.events.Category;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.Stage;
import org.fcr.sla.domain.ClockKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fcr.sla.*}: the time standards (SPEC §5, changeable without code), the working calendar,
 * reminder and escalation thresholds, and how the engine runs.
 *
 * @param speedup divides every standard (1000 → a 5-minute stage lasts 300 ms), for demos and tests
 * @param punctuationInterval the wall-clock tick that tells what is due, 250 ms to 1 s
 * @param maxDuePerTick at most this many due alarms per tick, so a backlog drains over several ticks
 */
@ConfigurationProperties("fcr.sla")
public record SlaProperties(
        @DefaultValue("sla-monitor") String applicationId,
        String stateDir,
        @DefaultValue("250ms") Duration punctuationInterval,
        @DefaultValue("20000") int maxDuePerTick,
        @DefaultValue("1") double speedup,
        @DefaultValue("0.8") double reminderShare,
        @DefaultValue Escalation escalation,
        @DefaultValue Statistics statistics,
        @DefaultValue Calendar calendar,
        List<Standard> standards) {

    public SlaProperties {
        if (punctuationInterval.compareTo(Duration.ofMillis(250)) < 0 || punctuationInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("fcr.sla.punctuation-interval must lie between 250ms and 1s: " + punctuationInterval);
        }
        standards = standards == null ? List.of() : List.copyOf(standards);
    }

    /** Supervisor at {@code supervisorFactor} × the standard, office manager at {@code officeManagerFactor} ×; 0 switches off. */
    public record Escalation(@DefaultValue("2") double supervisorFactor, @DefaultValue("3") double officeManagerFactor) {
    }

    public record Statistics(@DefaultValue({"1h", "1d"}) List<Duration> windows, @DefaultValue("5m") Duration grace) {
    }

    /**
     * @param holidays public holidays per year, e.g. {@code 2026: [2026-10-01, …]}
     * @param makeUpDays weekend days worked instead (调休) per year
     */
    public record Calendar(@DefaultValue("Asia/Shanghai") String zone,
                           @DefaultValue("09:00") String workStart,
                           @DefaultValue("17:30") String workEnd,
                           @DefaultValue({"SATURDAY", "SUNDAY"}) List<String> weekend,
                           Map<String, List<String>> holidays,
                           Map<String, List<String>> makeUpDays) {
    }

    /** One line of the time-standard table; unset matchers match any request. */
    public record Standard(Category category, String subcategory, RequestSize size, Scope scope, Stage stage,
                           Duration time, Double workingDays, Duration remindAfter, ClockKind clock) {
    }
}
