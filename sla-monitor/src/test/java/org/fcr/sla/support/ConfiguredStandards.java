package org.fcr.sla.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.fcr.sla.config.SlaConfiguration;
import org.fcr.sla.config.SlaProperties;
import org.fcr.sla.domain.TimeStandards;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The time standards exactly as shipped in {@code application.yml}, bound without starting Spring,
 * so the table tests check the configuration a company starts from.
 */
public final class ConfiguredStandards {

    private ConfiguredStandards() {
    }

    public static SlaProperties properties() {
        try {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            MutablePropertySources sources = new MutablePropertySources();
            loaded.forEach(sources::addLast);
            Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                    new PropertySourcesPlaceholdersResolver(sources));
            return binder.bind("fcr.sla", SlaProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TimeStandards standards() {
        return SlaConfiguration.toStandards(properties());
    }

    /** The shipped standards divided by {@code speedup}, as {@code fcr.sla.speedup} does. */
    public static TimeStandards standards(double speedup) {
        SlaProperties p = properties();
        return SlaConfiguration.toStandards(new SlaProperties(p.applicationId(), p.stateDir(), p.punctuationInterval(),
                p.maxDuePerTick(), speedup, p.reminderShare(), p.escalation(), p.statistics(), p.calendar(),
                p.standards()));
    }
}
