package org.fcr.sla.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fcr.sla.domain.SlaEngine;
import org.fcr.sla.domain.TimeStandardRule;
import org.fcr.sla.domain.TimeStandards;
import org.fcr.sla.domain.WorkingCalendar;
import org.fcr.sla.messaging.EngineSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns {@code fcr.sla.*} into the engine's domain objects. */
@Configuration(proxyBeanMethods = false)
public class SlaConfiguration {

    @Bean
    TimeStandards timeStandards(SlaProperties properties) {
        return toStandards(properties);
    }

    @Bean
    SlaEngine slaEngine(TimeStandards standards) {
        return new SlaEngine(standards);
    }

    @Bean
    EngineSettings engineSettings(SlaProperties properties) {
        return new EngineSettings(properties.punctuationInterval(), properties.maxDuePerTick(),
                properties.statistics().windows(), properties.statistics().grace());
    }

    public static TimeStandards toStandards(SlaProperties properties) {
        if (properties.standards().isEmpty()) {
            throw new IllegalStateException("fcr.sla.standards is empty: the time standards of SPEC §5 are missing");
        }
        List<TimeStandardRule> rules = properties.standards().stream()
                .map(s -> new TimeStandardRule(s.category(), s.subcategory(), s.size(), s.scope(), s.stage(), s.time(),
                        s.workingDays(), s.remindAfter(), s.clock()))
                .toList();
        return new TimeStandards(rules, toCalendar(properties.calendar()), properties.speedup(),
                properties.reminderShare(), properties.escalation().supervisorFactor(),
                properties.escalation().officeManagerFactor());
    }

    public static WorkingCalendar toCalendar(SlaProperties.Calendar calendar) {
        Set<DayOfWeek> weekend = calendar.weekend().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
        return new WorkingCalendar(ZoneId.of(calendar.zone()), LocalTime.parse(calendar.workStart()),
                LocalTime.parse(calendar.workEnd()), weekend, days(calendar.holidays()), days(calendar.makeUpDays()));
    }

    private static Set<LocalDate> days(Map<String, List<String>> perYear) {
        if (perYear == null) {
            return Set.of();
        }
        return perYear.values().stream().flatMap(Collection::stream).map(LocalDate::parse).collect(Collectors.toSet());
    }
}
