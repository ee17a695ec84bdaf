package org.fcr.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** A command's events wait only for earlier writes of the same request; what is done is forgotten. */
class PendingRelaysTest {

    final PendingRelays relays = new PendingRelays();

    @Test
    void aWriteWaitsForTheEarlierWritesOfItsOwnRequestOnly() {
        var first = relays.register("R-1", List.of(1L, 2L, 3L));
        var otherRequest = relays.register("R-2", List.of(1L, 2L, 3L));
        var second = relays.register("R-1", List.of(4L));

        CompletableFuture<Void> secondMayGo = relays.earlierDone(second);
        assertThat(relays.earlierDone(first)).as("nothing before the first write").isDone();
        assertThat(relays.earlierDone(otherRequest)).as("another request's writes are not waited for").isDone();
        assertThat(secondMayGo).isNotDone();
        assertThat(relays.size()).isEqualTo(3);

        relays.done(first);
        assertThat(secondMayGo).isDone();
        assertThat(relays.size()).isEqualTo(2);
        relays.done(second);
        relays.done(otherRequest);
        assertThat(relays.size()).isZero();
    }

    @Test
    void theOldestPendingWriteBoundsWhatIsSafeAndTheSweeperSeesOnlyOldWrites() throws InterruptedException {
        Instant before = Instant.now();
        var old = relays.register("R-1", List.of(1L));
        Thread.sleep(30);
        relays.register("R-2", List.of(1L));

        assertThat(relays.safeBefore()).isBetween(before, old.since());
        assertThat(relays.olderThan(Duration.ofMillis(20))).containsExactly(old);
        relays.done(old);
        Thread.sleep(30);
        assertThat(relays.olderThan(Duration.ofMillis(20))).extracting(PendingRelays.Pending::requestId).containsExactly("R-2");
    }
}
