package org.fcr.intake.messaging;

/**
 * The change is stored but the broker did not acknowledge it in time: it is not durable yet, so
 * the caller is not told it succeeded. The outbox sweeper relays it once the broker answers; a
 * retry with the same Idempotency-Key finds it instead of making a second request.
 */
public class NotYetDurable extends RuntimeException {

    private final String requestId;

    public NotYetDurable(String requestId, Throwable cause) {
        super("Request " + requestId + " is stored but the broker has not acknowledged it yet: " + cause, cause);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
