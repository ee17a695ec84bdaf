package org.fcr.notification.domain;

/**
 * What happened that someone must be told about (SPEC §4: commitment, dispatch, quote, result,
 * return visit; chase 督促, breach, escalation; seed 002: major complaints at once, 矛盾升级;
 * SPEC §6: points and fines). Who is told and by which channel is configuration, per kind.
 */
public enum NoticeKind {
    /** Accepted: what will be done and by when, to the customer. */
    COMMITMENT,
    /** A major complaint: reported to the department head and leadership at once. */
    MAJOR_COMPLAINT,
    /** The request was dispatched to a department: the customer hears where it went. */
    DISPATCHED,
    /** A dispatch decision: the receiving department (handler or its head) gets a new ticket. */
    NEW_TICKET,
    /** 退单: a department handed the ticket back with its reason; the desk and first responder follow it up. */
    TICKET_RETURNED,
    /** Two departments keep passing the ticket: arbitration by the office manager. */
    ARBITRATION,
    /** Out-of-scope paid service: the price, for the customer's consent. */
    QUOTE,
    /** Report back 双告知: the customer, the desk and the first responder at the same time. */
    RESULT,
    /** After the customer was told: ask for the return visit / rating; remind the first responder. */
    RETURN_VISIT,
    /** 双督办: a deadline is near; the handler, the desk and the first responder hear it. */
    REMINDER,
    /** A stage deadline passed. */
    BREACHED,
    /** Escalated to a supervisor (SLA or by hand). */
    ESCALATED,
    /** Taken to the office manager: 矛盾升级. */
    CONFLICT_ESCALATION,
    /** A ledger entry (points or a fine) with its reason and how to appeal. */
    PENALTY
}
