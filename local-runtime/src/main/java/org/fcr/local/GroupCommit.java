package org.fcr.local;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: a writer that finished its change takes a ticket and waits for a commit that
 * started after it; one committer thread runs the commits, and each one covers every ticket
 * handed out before it began, so concurrent writers share one commit instead of queueing for
 * their own.
 */
final class GroupCommit implements AutoCloseable {

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final Thread committer;
    private long requested;
    private long durable;
    private long commits;
    private boolean closed;
    private boolean stopped;
    private RuntimeException failure;

    GroupCommit(String name, Runnable commit) {
        this.commit = commit;
        this.committer = new Thread(this::run, name);
        committer.setDaemon(true);
        committer.start();
    }

    /** Returns once a commit that began after this call has finished; throws when it failed or the store closes. */
    void awaitCommit() {
        lock.lock();
        try {
            long ticket = ++requested;
            work.signal();
            while (durable < ticket) {
                if (failure != null) {
                    throw new IllegalStateException("Commit failed: " + failure.getMessage(), failure);
                }
                if (stopped) {
                    throw new IllegalStateException("Store closed: write not committed");
                }
                done.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many commits ran (each covering one or more writes), for the benchmark. */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            long upTo;
            lock.lock();
            try {
                while (requested == durable && !closed) {
                    work.awaitUninterruptibly();
                }
                if (requested == durable) {
                    stopped = true;
                    done.signalAll();
                    return;
                }
                // every ticket up to here was taken after its write finished, so this commit covers it
                upTo = requested;
            } finally {
                lock.unlock();
            }
            RuntimeException failed = null;
            try {
                commit.run();
            } catch (RuntimeException e) {
                failed = e;
            }
            lock.lock();
            try {
                if (failed != null) {
                    // a store that cannot write answers every waiting writer with an error, never a success
                    failure = failed;
                    stopped = true;
                    done.signalAll();
                    return;
                }
                durable = upTo;
                commits++;
                done.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Commits what is waiting, then stops the committer. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
