package org.fcr.notification.domain;

/** Who, in the business's terms, a notice is for; resolved to people through the {@link Directory}. */
public enum Audience {
    CUSTOMER,
    HANDLER,
    DESK,
    FIRST_RESPONDER,
    /** The head of the request's department (else the default supervisor). */
    SUPERVISOR,
    /** 管理处主任. */
    OFFICE_MANAGER,
    /** The person (or department head) a ledger entry is about. */
    PERSON,
    /** A group chat robot: one message per group, naming everyone it concerns. */
    GROUP;

    public boolean isCustomer() {
        return this == CUSTOMER;
    }
}
