package org.fcr.intake.domain;

/** Whether a request is still being worked on. */
public enum RequestStatus {
    OPEN, CLOSED, MERGED
}
