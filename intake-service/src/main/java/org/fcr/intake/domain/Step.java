package org.fcr.intake.domain;

/**
 * Where a request stands in the stage chain of SPEC §4 (受理 → 填报 → 登记 → 下传 → 落实 → 反馈 → 回访):
 * the last step done, which decides the commands allowed next.
 */
public enum Step {
    ACCEPTED, FILLED_IN, REGISTERED, AWAITING_DISPATCH, DISPATCHED, ACKNOWLEDGED, ORGANISED, ON_SITE,
    COMPLETED, SIGNED_OFF, REPORTED_BACK, CUSTOMER_NOTIFIED, REVISITED, CLOSED
}
