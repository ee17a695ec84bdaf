package org.fcr.scoring.config;

import org.fcr.support.security.ApiAuthorizationRules;
import org.fcr.support.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Managers record manual entries and decide appeals; anyone signed in may appeal their own entry and read. */
@Configuration(proxyBeanMethods = false)
public class AccessRules {

    @Bean
    ApiAuthorizationRules scoringRules() {
        return exchanges -> {
            exchanges.matchers(SecurityConfiguration.writesUnder("/api/ledger/manual")).hasRole("MANAGER");
            exchanges.matchers(SecurityConfiguration.writesUnder("/api/ledger/*/decision")).hasRole("MANAGER");
        };
    }
}
