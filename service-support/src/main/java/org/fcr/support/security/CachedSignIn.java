package org.fcr.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import reactor.core.publisher.Mono;

/**
 * Every API call carries HTTP Basic credentials and no session is kept, so each call would run the
 * password hash (bcrypt, ~50 ms of CPU): on two cores that alone caps the desk at a few dozen calls
 * a second. A successful sign-in is remembered for a few minutes under a SHA-256 of the
 * credentials (never the password itself), so only the first call of a user pays for the hash.
 */
public final class CachedSignIn {

    static final Duration KEEP = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private CachedSignIn() {
    }

    public static ReactiveAuthenticationManager over(ReactiveUserDetailsService users, PasswordEncoder encoder) {
        var checked = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        checked.setPasswordEncoder(encoder);
        Map<String, Remembered> remembered = new ConcurrentHashMap<>();
        return authentication -> {
            String key = key(authentication);
            Remembered hit = remembered.get(key);
            if (hit != null && hit.until().isAfter(Instant.now())) {
                return Mono.just(hit.authentication());
            }
            return checked.authenticate(authentication).doOnNext(result -> {
                if (remembered.size() >= MAX_ENTRIES) {
                    remembered.clear();
                }
                remembered.put(key, new Remembered(result, Instant.now().plus(KEEP)));
            });
        };
    }

    private record Remembered(Authentication authentication, Instant until) {
    }

    private static String key(Authentication authentication) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (authentication.getName() + "\u0000" + authentication.getCredentials()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
