package org.fcr.intake.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.fcr.intake.store.IdempotencyStore;
import org.fcr.intake.store.IdempotencyStore.Answer;
import org.fcr.support.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key on every POST: the first successful answer is stored under (user, key) and
 * returned again, byte for byte, to a retry. A key reused for a different call is refused; a key
 * whose call died with its instance is taken over by a retry after {@link #LEASE}.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 200;
    /**
     * The longest a call holds its key: the publish timeout (10 s) and the store's (5 s, a few calls)
     * with room to spare. A claim older than this belongs to an instance that died during the call.
     */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final IdempotencyStore store;
    private final JsonMapper json;

    public Idempotency(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    public Mono<ResponseEntity<Object>> once(String key, String user, String fingerprint,
                                             Supplier<Mono<ResponseEntity<?>>> call) {
        if (key == null || key.isBlank()) {
            return call.get().map(r -> (ResponseEntity<Object>) (ResponseEntity<?>) r);
        }
        if (key.length() > MAX_KEY) {
            throw ApiProblem.badRequest("validation", HEADER + " is longer than " + MAX_KEY).with("field", HEADER);
        }
        String scoped = scoped(user, key);
        // claim first: a concurrent call with the same key waits for the first answer instead of running twice
        return store.find(scoped)
                .flatMap(answer -> abandoned(answer, fingerprint)
                        ? store.takeOver(scoped, Instant.now().minus(LEASE)).flatMap(taken -> taken
                                ? run(scoped, fingerprint, call)
                                : store.find(scoped).map(again -> replay(again, fingerprint, key)))
                        : Mono.just(replay(answer, fingerprint, key)))
                .switchIfEmpty(Mono.defer(() -> store.claim(scoped, fingerprint).flatMap(claimed -> claimed
                        ? run(scoped, fingerprint, call)
                        : store.find(scoped).map(answer -> replay(answer, fingerprint, key)))));
    }

    /** A key as stored: one user's keys never meet another's; null without a key. */
    public static String scoped(String user, String key) {
        return key == null || key.isBlank() ? null : user + ":" + key;
    }

    /** A claim still running after the longest a call can take: its instance died (kill -9) mid-call. */
    private static boolean abandoned(Answer answer, String fingerprint) {
        return answer.pending() && answer.fingerprint().equals(fingerprint) && answer.at() != null
                && answer.at().isBefore(Instant.now().minus(LEASE));
    }

    private Mono<ResponseEntity<Object>> run(String scoped, String fingerprint, Supplier<Mono<ResponseEntity<?>>> call) {
        return Mono.defer(call).flatMap(response -> {
                    String body = json.writeValueAsString(response.getBody());
                    Answer answer = new Answer(fingerprint, response.getStatusCode().value(), body);
                    return store.complete(scoped, answer).thenReturn(asStored(response, body));
                })
                .onErrorResume(e -> store.abandon(scoped).then(Mono.error(e)));
    }

    private static ResponseEntity<Object> replay(Answer answer, String fingerprint, String key) {
        if (!answer.fingerprint().equals(fingerprint)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency-Key " + key + " was already used for " + answer.fingerprint())
                    .with("field", HEADER);
        }
        if (answer.pending()) {
            throw ApiProblem.conflict("idempotency-in-progress", "A call with Idempotency-Key " + key
                    + " is still running; retry in a moment").with("field", HEADER);
        }
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replay", "true").body(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Object> asStored(ResponseEntity<?> response, String body) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }
}
