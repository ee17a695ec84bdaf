package org.fcr.dispatch.domain;

/**
 * When a ticket has come back this many times without a settled owner, the departments are passing
 * the buck (推诿扯皮) and a manager of {@code arbitrationDepartment} must decide.
 */
public record PingPongPolicy(int returnsBeforeArbitration, String arbitrationDepartment) {

    public PingPongPolicy {
        if (returnsBeforeArbitration < 1) {
            throw new IllegalArgumentException("returnsBeforeArbitration must be at least 1");
        }
    }

    public boolean isPingPong(int returnsSinceArbitration) {
        return returnsSinceArbitration >= returnsBeforeArbitration;
    }
}
