package org.fcr.dispatch.store;

/**
 * The outbox of one dispatch: the encoded order (absent for an arbitration request) and decision,
 * saved with the routing state in the same write and cleared once the broker has both. A replay of
 * the event that caused it finds it here and sends it again instead of deciding anew.
 */
public record PendingDispatch(String decisionId, String department, byte[] order, byte[] decision) {
}
