package org.fcr.scoring.domain;

/**
 * Composite weights (default 0.1 response + 0.5 resolution + 0.4 satisfaction, as in public 12345
 * analysis code; official weights are not published) and the weight of "basically satisfied".
 */
public record Weights(double response, double resolution, double satisfaction, double basicallySatisfied, int basePoints) {

    public static Weights defaults() {
        return new Weights(0.1, 0.5, 0.4, 0.9, 100);
    }
}
