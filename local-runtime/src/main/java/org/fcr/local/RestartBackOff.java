package org.fcr.local;

import java.time.Duration;

/**
 * How long the run command waits before it starts a dead service again: {@code first}, then twice as
 * long after each death in a row, never more than {@code cap}. A service that had been healthy for
 * {@code stableAfter} when it died counts as recovered, so its next death starts again from {@code first}
 * (a crash loop at start-up never reaches health, so it never resets).
 */
public record RestartBackOff(Duration first, Duration cap, Duration stableAfter) {

    /** The run command's policy: 1 s, 2 s, 4 s … 30 s; reset after two minutes healthy. */
    public static final RestartBackOff RUN_COMMAND =
            new RestartBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

    public RestartBackOff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || stableAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 < first ≤ cap and stableAfter ≥ 0: " + first + ", " + cap
                    + ", " + stableAfter);
        }
    }

    /** The restart after a death: which one in a row it is (1 = the first) and how long to wait for it. */
    public record Restart(int inARow, Duration delay) {
    }

    /**
     * @param restartsInARow restarts since the service last counted as recovered (0 before any)
     * @param healthyFor     how long the process that just died had been healthy (zero if it never was)
     */
    public Restart after(int restartsInARow, Duration healthyFor) {
        int inARow = healthyFor.compareTo(stableAfter) >= 0 ? 1 : restartsInARow + 1;
        return new Restart(inARow, delay(inARow));
    }

    private Duration delay(int inARow) {
        // past 2^20 × first every sane cap is reached; the bound keeps the shift from overflowing
        Duration doubled = first.multipliedBy(1L << Math.min(inARow - 1, 20));
        return doubled.compareTo(cap) > 0 ? cap : doubled;
    }
}
