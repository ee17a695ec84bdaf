package org.fcr.notification.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;

import org.fcr.notification.config.DomainConfiguration;
import org.fcr.notification.config.NotificationProperties;
import org.fcr.notification.config.TemplateLoader;
import org.fcr.notification.domain.RoutingRules;
import org.fcr.notification.domain.TemplateBook;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The routing rules and templates exactly as the service ships them (application.yml, notices/). */
public final class ShippedSettings {

    private ShippedSettings() {
    }

    public static NotificationProperties settings() {
        try {
            var environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment),
                    new PropertySourcesPlaceholdersResolver(environment))
                    .bind("fcr.notification", NotificationProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoutingRules rules() {
        return DomainConfiguration.rulesOf(settings());
    }

    public static TemplateBook templates() {
        try {
            return TemplateLoader.load("zh-CN", ZoneId.of("Asia/Shanghai"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
