package org.fcr.intake.domain;

import java.util.List;

/** A command given out of order (e.g. complete before on site): says which commands are expected now. */
public class StageConflict extends RuntimeException {

    private final StageCommand command;
    private final Step current;
    private final List<StageCommand> expected;

    public StageConflict(StageCommand command, Step current, List<StageCommand> expected, String detail) {
        super(detail);
        this.command = command;
        this.current = current;
        this.expected = expected;
    }

    public StageCommand command() {
        return command;
    }

    public Step current() {
        return current;
    }

    public List<StageCommand> expected() {
        return expected;
    }
}
