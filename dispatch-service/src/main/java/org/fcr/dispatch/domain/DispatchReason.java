package org.fcr.dispatch.domain;

/** Why a request was sent where it went; mirrors the contract's enum of the same name. */
public enum DispatchReason {
    INITIAL, REROUTED_AFTER_RETURN, FORWARDED, ARBITRATED, MANUAL
}
