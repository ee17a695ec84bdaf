package org.fcr.notification.api;

import org.fcr.support.security.ApiAuthorizationRules;
import org.fcr.support.security.Role;
import org.fcr.support.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Resending is for the desk and managers; reading needs only a signed-in user (shared default). */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {

    @Bean
    ApiAuthorizationRules notificationRules() {
        return exchanges -> exchanges.matchers(SecurityConfiguration.writesUnder("/api/notifications/**"))
                .hasAnyRole(Role.DESK.name(), Role.MANAGER.name());
    }
}
