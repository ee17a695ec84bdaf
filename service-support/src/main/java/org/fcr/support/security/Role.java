package org.fcr.support.security;

/** The roles of ARCHITECTURE / issue 2: who may do what is decided per service on these. */
public enum Role {
    DESK, STAFF, DEPARTMENT, SUPERVISOR, MANAGER, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
