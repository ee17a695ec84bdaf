package org.fcr.intake.domain;

/** Issue 8: a department rehearses first-contact responsibility (TRIAL) before it counts (LIVE). */
public enum DepartmentMode {
    TRIAL, LIVE
}
