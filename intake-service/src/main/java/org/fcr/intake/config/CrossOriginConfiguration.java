package org.fcr.intake.config;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Every page of the platform shows the trial run in force (issue 18), and the pages of dispatch, scoring and
 * notification live on other ports: the configured origins ({@code fcr.intake.allowed-origins}) may read
 * {@code GET /api/trial} with their credentials, nothing else. Before security, so a preflight is answered.
 */
@Configuration(proxyBeanMethods = false)
public class CrossOriginConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    CorsWebFilter trialSettingsCors(Environment environment) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(Binder.get(environment).bind("fcr.intake.allowed-origins", Bindable.listOf(String.class))
                .orElse(List.of()));
        cors.setAllowedMethods(List.of("GET"));
        cors.setAllowedHeaders(List.of("Authorization", "Accept"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/trial", cors);
        return new CorsWebFilter(source);
    }
}
