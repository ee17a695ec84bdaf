package org.fcr.intake.domain;

/** A command that is in order but not acceptable: a missing reason, or someone not entitled to give it. */
public class CommandRefused extends RuntimeException {

    public enum Why { INVALID, FORBIDDEN }

    private final Why why;
    private final String field;

    public CommandRefused(Why why, String field, String detail) {
        super(detail);
        this.why = why;
        this.field = field;
    }

    public static CommandRefused invalid(String field, String detail) {
        return new CommandRefused(Why.INVALID, field, detail);
    }

    public static CommandRefused forbidden(String detail) {
        return new CommandRefused(Why.FORBIDDEN, null, detail);
    }

    public Why why() {
        return why;
    }

    public String field() {
        return field;
    }
}
