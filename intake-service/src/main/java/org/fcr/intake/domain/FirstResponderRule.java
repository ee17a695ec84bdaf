package org.fcr.intake.domain;

import java.util.List;

import org.fcr.events.Actor;

/**
 * SPEC §1: the first employee reached becomes first responder (首问责任人); when several were asked
 * together, the one of highest rank does. On equal rank the one named first keeps it.
 */
public final class FirstResponderRule {

    private FirstResponderRule() {
    }

    public static Actor choose(List<Actor> askedTogether, Actor named, Actor signer) {
        if (askedTogether != null && !askedTogether.isEmpty()) {
            Actor best = askedTogether.get(0);
            for (Actor candidate : askedTogether) {
                if (candidate.getRank() > best.getRank()) {
                    best = candidate;
                }
            }
            return best;
        }
        return named != null ? named : signer;
    }
}
