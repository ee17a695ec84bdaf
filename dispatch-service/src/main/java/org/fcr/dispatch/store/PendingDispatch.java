package org.fcr.dispatch.store;

/**
 * One dispatch of the outbox: the encoded order (absent for an arbitration request) and decision,
 * saved with the routing state in the same write, and the position on {@code fcr.requests} of the
 * record that decided it ({@code null} when a manager's ruling did). A redelivery of exactly that
 * record (the batch was not committed: a crash, or a failure elsewhere in the batch) sends it again
 * with the same ids; a later duplicate of the event does not.
 */
public record PendingDispatch(String decisionId, String department, byte[] order, byte[] decision,
                              Integer partition, Long offset) {

    /** Whether the record at this position decided this dispatch (or nobody knows which did). */
    public boolean decidedBy(int atPartition, long atOffset) {
        return partition == null || offset == null || (partition == atPartition && offset == atOffset);
    }
}
