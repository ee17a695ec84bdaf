package org.fcr.scoring.domain;

/**
 * The violations of SPEC §6. The automatic ones are raised by {@link RulesEngine} from events;
 * the manual ones only by a manager, with a reason.
 */
public enum PenaltyRule {
    /** A stage not done in time (−5). */
    STAGE_LATE(false),
    /** A late stage that also delayed the next stage (−10). */
    NEXT_STAGE_DELAYED(false),
    /** A step without the customer's sign-off, or a report-back without the double notice (−10). */
    MISSING_SIGNOFF(false),
    /** The missing sign-off caused harm recorded by a manager: the extra that makes it −20. */
    SIGNOFF_HARM(false),
    /** A department did not acknowledge a transferred ticket in time (fine 50 + notice). */
    ACK_LATE(false),
    /** Improper handling caused a repeated complaint (fine 50 on the department head + notice). */
    REPEAT_COMPLAINT(false),
    /** A request of the department's own scope pushed to another department (30–50 + notice). */
    IN_SCOPE_TRANSFER(false),
    /** Arbitration found a transfer wrong or a return unjustified (each side found wrong). */
    ARBITRATION_FINDING(false),
    /** The first responder pushed the customer away and a second complaint followed (20). */
    PUSHED_AWAY(false),
    /** The violation caused a loss the person bears (manual). */
    LOSS_BORNE(true),
    /** Criticised by authorities or exposed in the media (50–200, manual). */
    MEDIA_EXPOSURE(true),
    /** Harm or loss caused by a violation (manual, −20). */
    HARM(true);

    private final boolean manual;

    PenaltyRule(boolean manual) {
        this.manual = manual;
    }

    public boolean manual() {
        return manual;
    }
}
