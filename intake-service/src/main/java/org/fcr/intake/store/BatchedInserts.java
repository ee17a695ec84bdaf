package org.fcr.intake.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;

import reactor.core.publisher.Mono;

/**
 * New documents arriving together are inserted together: while {@code inFlight} inserts are on their
 * way to the store, new ones wait in a queue, and the next insert carries every one waiting (up to
 * {@code maxBatch}) in one unordered {@code insertMany}. Under load that is one store command and one
 * round trip for dozens of accepts instead of one each; alone, a document goes at once. Each caller
 * learns its own outcome: inserted, already there (same _id), or the error.
 */
final class BatchedInserts {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final int maxBatch;
    private final int maxInFlight;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    private record Waiting(Document document, CompletableFuture<Boolean> inserted) {
    }

    BatchedInserts(ReactiveMongoTemplate mongo, String collection, int maxBatch, int maxInFlight) {
        this.mongo = mongo;
        this.collection = collection;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
    }

    /** True once inserted, false when a document with this _id is already there. */
    Mono<Boolean> insert(Document document) {
        return Mono.defer(() -> {
            Waiting entry = new Waiting(document, new CompletableFuture<>());
            waiting.add(entry);
            sendWhatWaits();
            return Mono.fromFuture(entry.inserted(), true);
        });
    }

    /**
     * Starts inserts while some wait and fewer than {@code maxInFlight} are out. A caller that queued
     * after a finishing insert looked, sees its slot free; so nothing is left waiting.
     */
    private void sendWhatWaits() {
        while (!waiting.isEmpty()) {
            int out = inFlight.get();
            if (out >= maxInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(out, out + 1)) {
                continue;
            }
            List<Waiting> batch = new ArrayList<>();
            for (Waiting next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
            } else {
                send(batch);
            }
        }
    }

    private void send(List<Waiting> batch) {
        List<Document> documents = batch.stream().map(Waiting::document).toList();
        mongo.execute(collection, c -> c.insertMany(documents, UNORDERED))
                .then()
                .doFinally(signal -> {
                    inFlight.decrementAndGet();
                    sendWhatWaits();
                })
                .subscribe(null, failure -> settle(batch, failure), () -> batch.forEach(w -> w.inserted().complete(true)));
    }

    /** A bulk write that failed for some documents: duplicates are "already there", the rest inserted. */
    private static void settle(List<Waiting> batch, Throwable failure) {
        MongoBulkWriteException bulk = bulkFailure(failure);
        if (bulk == null || bulk.getWriteConcernError() != null) {
            batch.forEach(w -> w.inserted().completeExceptionally(failure));
            return;
        }
        Throwable[] outcome = new Throwable[batch.size()];
        boolean[] duplicate = new boolean[batch.size()];
        for (BulkWriteError error : bulk.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                duplicate[error.getIndex()] = true;
            } else {
                outcome[error.getIndex()] = failure;
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Boolean> inserted = batch.get(i).inserted();
            if (outcome[i] != null) {
                inserted.completeExceptionally(outcome[i]);
            } else {
                inserted.complete(!duplicate[i]);
            }
        }
    }

    /** The driver's bulk failure, also when Spring has translated it (it keeps it as the cause). */
    private static MongoBulkWriteException bulkFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk) {
                return bulk;
            }
        }
        return null;
    }
}
