package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The store's group commit: a write is answered only after a commit that began after it; writers share commits. */
class GroupCommitTest {

    @Test
    void aCommitAlreadyRunningDoesNotCoverALaterWrite() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        try (GroupCommit commits = new GroupCommit("test-commit", () -> {
            if (finished.get() == 0) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            finished.incrementAndGet();
        })) {
            CompletableFuture<Integer> early = CompletableFuture.supplyAsync(() -> {
                commits.awaitCommit();
                return finished.get();
            });
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> late = CompletableFuture.supplyAsync(() -> {
                commits.awaitCommit();
                return finished.get();
            });
            Thread.sleep(100);
            assertThat(late).as("waits while the first commit runs").isNotDone();
            releaseFirst.countDown();
            assertThat(early.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
            assertThat(late.get(5, TimeUnit.SECONDS)).as("needs a second commit").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void concurrentWritersShareCommits() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (GroupCommit commits = new GroupCommit("test-commit", () -> {
            sleep(5);
            ran.incrementAndGet();
        })) {
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 20; i++) {
                        commits.awaitCommit();
                    }
                });
                writer.start();
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(commits.commits()).isEqualTo(ran.get()).isLessThan(16 * 20 / 2);
        }
    }

    @Test
    void aFailedCommitIsAnErrorForItsWritersNeverASuccess() {
        try (GroupCommit commits = new GroupCommit("test-commit", () -> {
            throw new IllegalStateException("disk full");
        })) {
            assertThatThrownBy(commits::awaitCommit).hasMessageContaining("disk full");
            assertThatThrownBy(commits::awaitCommit).isInstanceOf(IllegalStateException.class);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
