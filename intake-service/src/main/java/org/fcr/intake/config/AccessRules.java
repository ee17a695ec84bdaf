package org.fcr.intake.config;

import org.fcr.intake.domain.StageCommand;
import org.fcr.support.security.ApiAuthorizationRules;
import org.fcr.support.security.Role;
import org.fcr.support.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may give which command: any staff member accepts requests (every employee can be first
 * responder); department commands are for departments and those acting for them; only a manager
 * changes a first responder or the trial-run settings; repair is for administrators.
 */
@Configuration(proxyBeanMethods = false)
public class AccessRules {

    @Bean
    ApiAuthorizationRules intakeRules() {
        return exchanges -> {
            exchanges.matchers(SecurityConfiguration.writesUnder("/api/admin/**")).hasRole(Role.ADMIN.name());
            // issue 8: switching trial/live and declaring trial periods is a manager's audited action
            exchanges.matchers(SecurityConfiguration.writesUnder("/api/trial/**"))
                    .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name());
            exchanges.pathMatchers(HttpMethod.POST, "/api/requests/*/" + StageCommand.OVERRIDE_FIRST_RESPONDER.path())
                    .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name());
            for (StageCommand c : StageCommand.values()) {
                if (c.departmentCommand()) {
                    exchanges.pathMatchers(HttpMethod.POST, "/api/requests/*/" + c.path())
                            .hasAnyRole(Role.DEPARTMENT.name(), Role.DESK.name(), Role.SUPERVISOR.name(), Role.MANAGER.name());
                }
            }
            exchanges.pathMatchers(HttpMethod.POST, "/api/requests/*/merge")
                    .hasAnyRole(Role.DESK.name(), Role.SUPERVISOR.name(), Role.MANAGER.name());
        };
    }
}
