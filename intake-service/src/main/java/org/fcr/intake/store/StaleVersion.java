package org.fcr.intake.store;

/** Someone else changed the request since it was read: the write was not made. */
public class StaleVersion extends RuntimeException {

    private final String requestId;
    private final long expected;

    public StaleVersion(String requestId, long expected) {
        super("Request " + requestId + " changed since version " + expected);
        this.requestId = requestId;
        this.expected = expected;
    }

    public String requestId() {
        return requestId;
    }

    public long expected() {
        return expected;
    }
}
