package org.fcr.notification.domain;

/** Where a stored notification stands. SUPPRESSED: deliberately not sent (drill, no address, channel off). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, GIVEN_UP, SUPPRESSED;

    /** The delivery loop keeps working on these. */
    public boolean isOpen() {
        return this == PENDING || this == FAILED;
    }
}
