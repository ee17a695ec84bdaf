package org.fcr.scoring.domain;

/** An entry's life: raised, appealed (申诉) by its person, then upheld or cancelled by a manager. */
public enum EntryStatus {
    ACTIVE, APPEALED, UPHELD, CANCELLED;

    /** A cancelled entry stays visible but no longer counts. */
    public boolean counts() {
        return this != CANCELLED;
    }
}
