package org.fcr.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.bson.Document;
import org.fcr.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Inserts arriving together share one insertMany against the Mongo wire server; each learns its own outcome. */
class BatchedInsertsTest {

    static final String COLLECTION = "batched";
    static final AtomicInteger insertCommands = new AtomicInteger();
    static MongoClient client;
    static ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        String uri = TestInfrastructure.mongoUri("batched_inserts_test");
        client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("insert")) {
                            insertCommands.incrementAndGet();
                        }
                    }
                }).build());
        mongo = new ReactiveMongoTemplate(client, "batched_inserts_test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void empty() {
        mongo.dropCollection(COLLECTION).block();
        insertCommands.set(0);
    }

    @Test
    void manyArrivingTogetherGoInFewInsertsAndAllAreStored() {
        BatchedInserts inserts = new BatchedInserts(mongo, COLLECTION, 50, 1);

        List<Boolean> outcomes = Flux.range(0, 300)
                .flatMap(n -> inserts.insert(new Document("_id", "R-" + n).append("n", n)), 300)
                .collectList().block();

        assertThat(outcomes).hasSize(300).containsOnly(true);
        assertThat(mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.countDocuments())).block()).isEqualTo(300L);
        // one in flight at a time, at most 50 each: at least 6 inserts, far fewer than 300
        assertThat(insertCommands.get()).isBetween(6, 100);
    }

    @Test
    void aDocumentAlreadyThereIsReportedAsSuchAndTheOthersOfItsBatchAreInserted() {
        mongo.insert(new Document("_id", "R-dup").append("first", true), COLLECTION).block();
        BatchedInserts inserts = new BatchedInserts(mongo, COLLECTION, 50, 1);
        // the first insert holds the only slot, so the next four wait and travel in one batch
        Mono<Boolean> holder = inserts.insert(new Document("_id", "R-0"));
        List<Mono<Boolean>> batch = List.of(inserts.insert(new Document("_id", "R-1")),
                inserts.insert(new Document("_id", "R-dup").append("first", false)),
                inserts.insert(new Document("_id", "R-2")),
                inserts.insert(new Document("_id", "R-2").append("again", true)));

        List<Boolean> outcomes = Flux.concat(Flux.just(holder), Flux.fromIterable(batch))
                .flatMapSequential(m -> m, 8).collectList().block();

        assertThat(outcomes).containsExactly(true, true, false, true, false);
        assertThat(mongo.findById("R-dup", Document.class, COLLECTION).block().getBoolean("first")).isTrue();
        assertThat(mongo.findById("R-2", Document.class, COLLECTION).block().containsKey("again")).isFalse();
        assertThat(IntStream.of(0, 1, 2).mapToObj(n -> mongo.findById("R-" + n, Document.class, COLLECTION).block()))
                .doesNotContainNull();
    }

    @Test
    void aDocumentTheStoreRefusesFailsItsCallerOnly() {
        BatchedInserts inserts = new BatchedInserts(mongo, COLLECTION, 50, 1);
        Mono<Boolean> refused = inserts.insert(new Document("_id", List.of(1, 2)));
        Mono<Boolean> fine = inserts.insert(new Document("_id", "R-fine"));

        assertThat(refused.map(Object::toString).onErrorResume(e -> Mono.just("failed")).block()).isEqualTo("failed");
        assertThat(fine.block()).isTrue();
    }
}
