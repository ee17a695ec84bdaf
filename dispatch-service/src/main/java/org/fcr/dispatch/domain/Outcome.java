package org.fcr.dispatch.domain;

import java.util.Optional;

/** The new routing state of a request and, when something must be sent, the dispatch to send. */
public record Outcome(RequestRouting state, Optional<DispatchPlan> plan) {

    public static Outcome nothing(RequestRouting state) {
        return new Outcome(state, Optional.empty());
    }

    public static Outcome dispatch(RequestRouting state, DispatchPlan plan) {
        return new Outcome(state, Optional.of(plan));
    }
}
