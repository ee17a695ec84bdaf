package org.fcr.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sign-ins are checked once per credentials, also when many calls arrive together; refusals are never remembered. */
class CachedSignInTest {

    final AtomicInteger checks = new AtomicInteger();
    /** A slow check, as bcrypt is: accepts the password "right" only. */
    final ReactiveAuthenticationManager checker = a -> Mono.delay(Duration.ofMillis(50)).then(Mono.defer(() -> {
        checks.incrementAndGet();
        return "right".equals(a.getCredentials())
                ? Mono.<Authentication>just(UsernamePasswordAuthenticationToken.authenticated(a.getName(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_DESK"))))
                : Mono.error(new BadCredentialsException("bad"));
    }));
    final ReactiveAuthenticationManager signIn = CachedSignIn.over(checker);

    static Authentication basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void callsArrivingTogetherShareOneCheckAndLaterCallsNone() {
        List<Authentication> results = Flux.range(0, 32)
                .flatMap(i -> signIn.authenticate(basic("desk01", "right")), 32)
                .collectList().block(Duration.ofSeconds(5));

        assertThat(results).hasSize(32).allSatisfy(a -> assertThat(a.isAuthenticated()).isTrue());
        assertThat(signIn.authenticate(basic("desk01", "right")).block()).isNotNull();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aRefusedSignInIsCheckedAgainAndOtherCredentialsAreCheckedApart() {
        assertThatThrownBy(() -> signIn.authenticate(basic("desk01", "wrong")).block())
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn.authenticate(basic("desk01", "wrong")).block())
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);

        assertThat(signIn.authenticate(basic("desk01", "right")).block()).isNotNull();
        assertThat(signIn.authenticate(basic("desk02", "right")).block()).isNotNull();
        assertThat(checks).hasValue(4);
    }
}
