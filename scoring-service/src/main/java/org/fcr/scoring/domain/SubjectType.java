package org.fcr.scoring.domain;

/** Who a ledger entry is about: an employee or a whole department. */
public enum SubjectType {
    PERSON, DEPARTMENT
}
