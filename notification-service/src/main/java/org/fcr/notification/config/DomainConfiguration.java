package org.fcr.notification.config;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.fcr.notification.domain.ChannelKind;
import org.fcr.notification.domain.Directory;
import org.fcr.notification.domain.NoticePlanner;
import org.fcr.notification.domain.QuietHours;
import org.fcr.notification.domain.RetryPolicy;
import org.fcr.notification.domain.Route;
import org.fcr.notification.domain.RoutingRule;
import org.fcr.notification.domain.RoutingRules;
import org.fcr.support.security.StaffDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure domain, built from {@code fcr.notification} configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class DomainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RoutingRules routingRules(NotificationProperties settings) {
        return rulesOf(settings);
    }

    /** The configured routing table as domain rules. */
    public static RoutingRules rulesOf(NotificationProperties settings) {
        List<RoutingRule> rules = settings.rules().entrySet().stream()
                .map(e -> new RoutingRule(e.getKey(), e.getValue().template(), e.getValue().urgent(),
                        e.getValue().routes().stream().map(r -> new Route(r.audience(), r.channels())).toList()))
                .toList();
        return new RoutingRules(rules);
    }

    @Bean
    Directory directory(StaffDirectory staff, NotificationProperties settings) {
        return new ConfiguredDirectory(staff, settings);
    }

    @Bean
    RetryPolicy retryPolicy(NotificationProperties settings) {
        var r = settings.retry();
        return new RetryPolicy(r.maxAttempts(), r.initialBackoff(), r.multiplier(), r.maxBackoff());
    }

    @Bean
    NoticePlanner noticePlanner(NotificationProperties settings, RoutingRules rules, Directory directory)
            throws IOException {
        ZoneId zone = ZoneId.of(settings.zone());
        var quiet = settings.quietHours() == null ? QuietHours.none()
                : new QuietHours(settings.quietHours().start(), settings.quietHours().end(), zone);
        EnumSet<ChannelKind> enabled = EnumSet.noneOf(ChannelKind.class);
        Arrays.stream(ChannelKind.values()).filter(settings.channels()::enabled).forEach(enabled::add);
        return new NoticePlanner(rules, directory, TemplateLoader.load(settings.staffLocale(), zone), quiet, enabled,
                settings.staffLocale());
    }
}
