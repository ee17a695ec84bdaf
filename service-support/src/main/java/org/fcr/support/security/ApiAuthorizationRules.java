package org.fcr.support.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's own access rules (which role may call which path), applied before the shared
 * default that any signed-in user may read and nobody anonymous may do anything.
 */
@FunctionalInterface
public interface ApiAuthorizationRules {

    void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
