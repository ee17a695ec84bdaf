package org.fcr.notification.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.fcr.notification.domain.Audience;
import org.fcr.notification.domain.ChannelKind;
import org.fcr.notification.domain.NoticeKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fcr.notification.*}: routing rules, recipients, quiet hours, retries and channels (application.yml). */
@ConfigurationProperties("fcr.notification")
public record NotificationProperties(
        String staffLocale,
        String customerLocale,
        Map<String, String> staffLocales,
        String zone,
        int appealDays,
        List<String> desk,
        Map<String, String> departmentHeads,
        String defaultSupervisor,
        String officeManager,
        QuietHoursSettings quietHours,
        RetrySettings retry,
        DeliverySettings delivery,
        ChannelSettings channels,
        Map<NoticeKind, RuleSettings> rules,
        List<String> allowedOrigins) {

    public NotificationProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins;
        staffLocales = staffLocales == null ? Map.of() : staffLocales;
        desk = desk == null ? List.of() : desk;
        departmentHeads = departmentHeads == null ? Map.of() : departmentHeads;
        rules = rules == null ? Map.of() : rules;
    }

    public record QuietHoursSettings(LocalTime start, LocalTime end) {
    }

    public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
    }

    public record DeliverySettings(Duration tick, int batch, Duration lease, Duration sendTimeout, Duration inboxWindow) {

        public DeliverySettings {
            inboxWindow = inboxWindow == null ? Duration.ofDays(30) : inboxWindow;
        }
    }

    public record ChannelSettings(Email email, Webhook webhook, Sms sms, InApp inApp) {

        public boolean enabled(ChannelKind kind) {
            return switch (kind) {
                case EMAIL -> email != null && email.enabled();
                case WEBHOOK -> webhook != null && webhook.enabled();
                case SMS -> sms != null && sms.enabled();
                case IN_APP -> inApp == null || inApp.enabled();
            };
        }
    }

    public record Email(boolean enabled, String from) {
    }

    public record Webhook(boolean enabled, Map<String, String> robots) {

        public Webhook {
            robots = robots == null ? Map.of() : robots;
        }
    }

    public record Sms(boolean enabled, String gatewayUrl) {
    }

    public record InApp(boolean enabled) {
    }

    public record RuleSettings(String template, boolean urgent, List<RouteSettings> routes) {
    }

    public record RouteSettings(Audience audience, List<ChannelKind> channels) {
    }
}
