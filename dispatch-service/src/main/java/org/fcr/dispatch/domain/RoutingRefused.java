package org.fcr.dispatch.domain;

/** A routing command that the rules do not allow, with a short code for the API's problem type. */
public class RoutingRefused extends RuntimeException {

    private final String code;

    public RoutingRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
