package org.fcr.intake.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.fcr.intake.config.IntakeProperties;

import org.fcr.intake.store.IdempotencyStore;
import org.fcr.intake.store.IdempotencyStore.Answer;
import org.fcr.support.json.PrintableText;
import org.fcr.support.problem.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key on every POST: the first successful answer is stored under (user, key) with the call it
 * answered (method and path) and a hash of its canonical body, and returned again, byte for byte, to a
 * retry. A retry arriving while the first call still runs waits for its answer (at most {@code wait}); a key
 * reused for a different call or a different body is refused (422); a key whose call died with its
 * instance (a claim older than {@code lease}) is taken over by the next retry.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 200;
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration LONGEST_POLL = Duration.ofMillis(250);

    private final IdempotencyStore store;
    private final JsonMapper json;
    private final Duration lease;
    private final Duration wait;

    /**
     * {@code lease}: the longest a call holds its key, by default the publish timeout and 20 s for the store's
     * calls; a claim older than this belongs to an instance that died during the call. {@code wait}: how long
     * a concurrent retry waits for the first answer, by default the publish timeout and 5 s.
     */
    public Idempotency(IdempotencyStore store, JsonMapper json, IntakeProperties properties,
                       @Value("${fcr.intake.idempotency-lease:}") String lease,
                       @Value("${fcr.intake.idempotency-wait:}") String wait) {
        this.store = store;
        this.json = json;
        this.lease = lease.isBlank() ? properties.publishTimeout().plusSeconds(20) : Duration.parse(lease);
        this.wait = wait.isBlank() ? properties.publishTimeout().plusSeconds(5) : Duration.parse(wait);
    }

    /**
     * Runs {@code call} once per (user, key): {@code fingerprint} names the call (method and path), {@code body}
     * is what it was asked (hashed in its canonical JSON, so spacing and field order do not matter).
     */
    public Mono<ResponseEntity<Object>> once(String key, String user, String fingerprint, Object body,
                                             Supplier<Mono<ResponseEntity<?>>> call) {
        if (key == null || key.isBlank()) {
            return call.get().map(r -> (ResponseEntity<Object>) (ResponseEntity<?>) r);
        }
        if (key.length() > MAX_KEY) {
            throw ApiProblem.badRequest("validation", HEADER + " is longer than " + MAX_KEY).with("field", HEADER);
        }
        if (PrintableText.firstRefused(key) >= 0) {
            throw ApiProblem.badRequest("control-character", HEADER + " 含有控制字符 / " + HEADER
                    + " contains a control character").with("field", HEADER);
        }
        Asked asked = new Asked(scoped(user, key), key, fingerprint, hash(body), call);
        return Mono.defer(() -> settle(asked, Instant.now().plus(wait), FIRST_POLL));
    }

    /** One call with a key: its scoped key, the key as given, what it asks, and the call itself. */
    private record Asked(String scoped, String key, String fingerprint, String bodyHash,
                         Supplier<Mono<ResponseEntity<?>>> call) {
    }

    /**
     * Claims the key and runs, or answers what the first call answered; while that call runs, looks again
     * (by _id only, backing off) until it answered, gave the key up, died (then takes it over) or {@code until}.
     */
    private Mono<ResponseEntity<Object>> settle(Asked asked, Instant until, Duration poll) {
        return store.find(asked.scoped())
                .flatMap(answer -> {
                    refuseIfOther(answer, asked);
                    if (!answer.pending()) {
                        return Mono.just(replay(answer));
                    }
                    if (answer.at() != null && answer.at().isBefore(Instant.now().minus(lease))) {
                        return store.takeOver(asked.scoped(), Instant.now().minus(lease)).flatMap(taken -> taken
                                ? run(asked)
                                : settle(asked, until, poll));
                    }
                    if (Instant.now().isAfter(until)) {
                        return Mono.error(stillRunning(asked.key()));
                    }
                    Duration next = poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
                    return Mono.delay(poll).then(Mono.defer(() -> settle(asked, until, next)));
                })
                .switchIfEmpty(Mono.defer(() -> store.claim(asked.scoped(), asked.fingerprint(), asked.bodyHash())
                        .flatMap(claimed -> claimed ? run(asked) : settle(asked, until, poll))));
    }

    /** A key as stored: one user's keys never meet another's; null without a key. */
    public static String scoped(String user, String key) {
        return key == null || key.isBlank() ? null : user + ":" + key;
    }

    private Mono<ResponseEntity<Object>> run(Asked asked) {
        return Mono.defer(asked.call()).flatMap(response -> {
                    String body = json.writeValueAsString(response.getBody());
                    Answer answer = new Answer(asked.fingerprint(), response.getStatusCode().value(), body);
                    return store.complete(asked.scoped(), answer).thenReturn(asStored(response, body));
                })
                .onErrorResume(e -> store.abandon(asked.scoped()).then(Mono.error(e)));
    }

    /** The same key for another call, or for the same call with another body, is a mistake of the caller. */
    private static void refuseIfOther(Answer answer, Asked asked) {
        if (!answer.fingerprint().equals(asked.fingerprint())) {
            throw reused(asked.key(), "已用于另一个调用（" + answer.fingerprint() + "）",
                    "was already used for " + answer.fingerprint());
        }
        // answers stored before bodies were hashed have none: they are taken as the same body
        if (answer.bodyHash() != null && !answer.bodyHash().equals(asked.bodyHash())) {
            throw reused(asked.key(), "已用于内容不同的请求", "was already used for a different body");
        }
    }

    private static ApiProblem reused(String key, String zh, String en) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                HEADER + " " + key + " " + zh + "；新的请求请用新的键 / " + HEADER + " " + key + " " + en
                        + "; use a new key for a new request")
                .with("field", HEADER).with("key", key);
    }

    private static ApiProblem stillRunning(String key) {
        return ApiProblem.conflict("idempotency-in-progress", "使用 " + HEADER + " " + key
                        + " 的调用仍在处理中，请稍后用同一个键重试 / The call with " + HEADER + " " + key
                        + " is still running; retry with the same key in a moment")
                .with("field", HEADER).with("key", key);
    }

    private String hash(Object body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<Object> replay(Answer answer) {
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replay", "true").body(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Object> asStored(ResponseEntity<?> response, String body) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }
}
