package org.fcr.support.security;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Every API needs a signed-in user: HTTP Basic against the staff directory (embedded default) or
 * a JWT bearer token when {@code spring.security.oauth2.resourceserver.jwt.*} is configured, with
 * roles from the token's {@code roles} claim. Pages use the same Basic credentials. CSRF is not
 * needed: no cookie session is ever created, every call carries its credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(StaffDirectory.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain fcrSecurityWebFilterChain(ServerHttpSecurity http,
                                                     ObjectProvider<ApiAuthorizationRules> serviceRules,
                                                     ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized()))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .securityContextRepository(org.springframework.security.web.server.context.NoOpServerSecurityContextRepository.getInstance())
                // no saved request either: looking for one made a web session per call (a UUID on boundedElastic,
                // then a hop to the parallel scheduler), ~8 % of intake's CPU under load, for nothing
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll();
                    // metrics (Prometheus scrape included) are the administrators'; health and info stay open for probes
                    exchanges.pathMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    // Pages and their assets hold no data; they sign in through the API (fcr-common.js).
                    exchanges.pathMatchers(HttpMethod.GET, "/", "/*.html", "/favicon.ico", "/css/**", "/js/**", "/img/**")
                            .permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.apply(exchanges));
                    exchanges.anyExchange().authenticated();
                });
        jwtDecoder.ifAvailable(decoder -> http.oauth2ResourceServer(oauth -> oauth
                .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(rolesFromClaim()))));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService staffUserDetails(StaffDirectory directory, PasswordEncoder encoder) {
        List<UserDetails> users = directory.getDemoPassword().isBlank() ? List.of() : directory.getUsers().stream()
                .map(member -> User.withUsername(member.getUsername())
                        .password(encoder.encode(directory.getDemoPassword()))
                        .authorities(member.getRoles().stream().map(Role::authority).toArray(String[]::new))
                        .build())
                .toList();
        if (users.isEmpty()) {
            log.info("No demo users (fcr.security.demo-password is empty): sign in with a JWT");
            return new MapReactiveUserDetailsService(disabledPlaceholder());
        }
        log.info("Demo users: {}", directory.getUsers().stream()
                .map(u -> u.getUsername() + " " + u.getRoles()).collect(Collectors.joining(", ")));
        return new MapReactiveUserDetailsService(users);
    }

    /** Basic sign-in checked once per user and password every few minutes, not bcrypt on every call. */
    @Bean
    ReactiveAuthenticationManager cachedStaffAuthentication(MapReactiveUserDetailsService staffUserDetails,
                                                            PasswordEncoder passwordEncoder) {
        return CachedSignIn.over(staffUserDetails, passwordEncoder);
    }

    @Bean
    CurrentActor currentActor(StaffDirectory directory) {
        return new CurrentActor(directory);
    }

    /** Spring refuses an empty user map; this account can never sign in (no usable password). */
    private static UserDetails disabledPlaceholder() {
        return User.withUsername("disabled").password("{noop}").disabled(true).authorities("NONE").build();
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** Matches writes (POST, PUT, PATCH, DELETE) under a path, for role rules on commands. */
    public static ServerWebExchangeMatcher writesUnder(String pattern) {
        return new org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, pattern),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.PUT, pattern),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.PATCH, pattern),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.DELETE, pattern));
    }
}
