package org.fcr.dispatch.config;

import org.fcr.events.RequestEvent;
import org.fcr.schemas.Topics;
import org.fcr.support.kafka.ListenerFactories;
import org.fcr.support.security.ApiAuthorizationRules;
import org.fcr.support.security.Role;
import org.fcr.support.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** Kafka listener wiring and who may change what. */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    /**
     * Whole poll batches (see RequestEventListener), on the shared consumer settings and dead-letter
     * error handler: a {@code BatchListenerFailedException} names the failed record's index.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, RequestEvent> requestsListenerFactory(ListenerFactories factories,
                                                                                          DispatchProperties properties) {
        var factory = factories.forTopic(Topics.REQUESTS);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.getConsumers());
        // the next poll need not wait for the commit's round trip: a batch redelivered after a lost commit changes nothing
        factory.getContainerProperties().setSyncCommits(properties.isSyncCommits());
        return factory;
    }

    /** Departments, rosters and rules are edited by admins; arbitration is the manager's (管理处主任). */
    @Bean
    ApiAuthorizationRules dispatchAuthorization() {
        return exchanges -> {
            exchanges.matchers(SecurityConfiguration.writesUnder("/api/departments/**")).hasRole(Role.ADMIN.name());
            exchanges.matchers(SecurityConfiguration.writesUnder("/api/routing/rules/**")).hasRole(Role.ADMIN.name());
            exchanges.matchers(SecurityConfiguration.writesUnder("/api/arbitrations/**")).hasRole(Role.MANAGER.name());
        };
    }
}
