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
        return over(checked);
    }

    /**
     * Remembers what {@code checked} accepted. Calls that arrive together with the same credentials
     * share one check (a desk's page opens several connections at once; a load test opens dozens):
     * the hash runs once, not once per call. A refused sign-in is not remembered.
     */
    static ReactiveAuthenticationManager over(ReactiveAuthenticationManager checked) {
        Map<String, Remembered> remembered = new ConcurrentHashMap<>();
        return authentication -> {
            String key = key(authentication);
            Instant now = Instant.now();
            Remembered hit = remembered.get(key);
            if (Remembered.freshAt(hit, now)) {
                return hit.result(); // every call after the first: no lock taken
            }
            Remembered entry = remembered.compute(key, (k, current) -> Remembered.freshAt(current, now) ? current
                    : new Remembered(checked.authenticate(authentication)
                            .doOnError(e -> remembered.remove(k))
                            .switchIfEmpty(Mono.fromRunnable(() -> remembered.remove(k)))
                            .cache(), now.plus(KEEP)));
            if (remembered.size() > MAX_ENTRIES) {
                remembered.entrySet().removeIf(e -> !Remembered.freshAt(e.getValue(), now));
                if (remembered.size() > MAX_ENTRIES) {
                    remembered.clear();
                }
            }
            return entry.result();
        };
    }

    private record Remembered(Mono<Authentication> result, Instant until) {
        static boolean freshAt(Remembered entry, Instant now) {
            return entry != null && entry.until().isAfter(now);
        }
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
