package org.fcr.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.bson.types.Binary;
import org.fcr.local.DurableH2Backend;
import org.fcr.local.Ports;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** The store's BSON-typed maps keep every value, order keys as MongoDB does, and older files stay readable. */
class TypedStorageTest {

    @TempDir
    Path dir;

    static <T> T roundTrip(org.h2.mvstore.type.BasicDataType<T> type, T value) {
        WriteBuffer out = new WriteBuffer();
        type.write(out, value);
        ByteBuffer in = out.getBuffer();
        in.flip();
        T read = type.read(in);
        assertThat(in.remaining()).isZero();
        return read;
    }

    @Test
    void keysAndDocumentsComeBackEqual() {
        ObjectId id = new ObjectId();
        UUID uuid = UUID.randomUUID();
        KeyValue compound = new KeyValue("R-1", 3, 4L, 2.5, null, Instant.parse("2026-03-01T08:00:00Z"), new Document("a", 1));
        for (Object key : List.of("R-20260301-0001", "中文键", id, uuid, 42L, compound)) {
            assertThat(roundTrip(StoreKeyType.INSTANCE, key)).isEqualTo(key);
        }
        Document doc = new Document("_id", "R-1").append("seq", 3L).append("n", 7).append("ok", true)
                .append("at", Instant.parse("2026-03-01T08:00:00Z")).append("events", List.of(new BinData(new byte[] {1, 2, 3})))
                .append("customer", new Document("name", "李先生").append("phone", null)).append("tags", List.of("a", "b"));
        Document back = roundTrip(BsonDocumentType.INSTANCE, doc);
        assertThat(back.keySet()).containsExactlyElementsOf(doc.keySet());
        assertThat(back.get("seq")).isEqualTo(3L);
        assertThat(back.get("n")).isEqualTo(7);
        assertThat(back.get("at")).isEqualTo(doc.get("at"));
        assertThat(back.get("customer")).isEqualTo(doc.get("customer"));
        assertThat(back.get("events")).isEqualTo(doc.get("events"));
        assertThat(BsonDocumentType.INSTANCE.compare(back, doc)).isZero();
    }

    @Test
    void aDocumentChangedWhileItsPageIsWrittenIsEncodedAgainNotFailed() throws Exception {
        Document doc = new Document("_id", "N-1").append("status", "PENDING");
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread changer = new Thread(() -> {
            for (long i = 0; writing.get(); i++) {
                doc.put("leaseUntil" + (i % 4), i); // new keys: the map's structure changes under the encoder
                doc.remove("leaseUntil" + ((i + 2) % 4));
                java.util.concurrent.locks.LockSupport.parkNanos(20_000); // an update, then the next one
            }
        });
        changer.start();
        try {
            for (int i = 0; i < 20_000; i++) {
                assertThat(roundTrip(BsonDocumentType.INSTANCE, doc)).containsEntry("_id", "N-1");
            }
        } finally {
            writing.set(false);
            changer.join();
        }
    }

    @Test
    void keysAreOrderedAsMongoDbOrdersValues() {
        assertThat(StoreKeyType.INSTANCE.compare("R-2", "R-10")).isPositive();
        assertThat(StoreKeyType.INSTANCE.compare(new KeyValue(1, "b"), new KeyValue(1.0, "b"))).isZero();
        assertThat(StoreKeyType.INSTANCE.compare(new KeyValue(2, "a"), new KeyValue(10, "a"))).isNegative();
        assertThat(StoreKeyType.INSTANCE.compare(new KeyValue("x"), new KeyValue("x", "y"))).isNegative();
    }

    @Test
    void aTypedFileKeepsDocumentsAndUniqueIndexesAcrossARestart() throws Exception {
        Path file = dir.resolve("typed.mv");
        withStore(DurableH2Backend.open(file.toString()), requests -> {
            requests.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < 2_000; i++) {
                requests.insertOne(new org.bson.Document("_id", "R-" + i).append("key", "K-" + i).append("n", i)
                        .append("payload", new Binary(new byte[] {(byte) i})).append("at", new Date(1_000L * i)));
            }
            requests.updateOne(Filters.eq("_id", "R-7"), Updates.set("status", "CLOSED"));
            return null;
        });
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(StorageFormat.marker(store)).isEqualTo(StorageFormat.TYPED);
        }
        withStore(DurableH2Backend.open(file.toString()), requests -> {
            assertThat(requests.countDocuments()).isEqualTo(2_000);
            assertThat(requests.find(Filters.eq("_id", "R-7")).first()).containsEntry("status", "CLOSED").containsEntry("n", 7);
            assertThat(requests.find(Filters.eq("key", "K-1999")).first()).containsEntry("_id", "R-1999");
            assertThat(requests.find(Filters.eq("_id", "R-3")).first().get("payload", Binary.class).getData())
                    .containsExactly(3);
            assertThatThrownBy(() -> requests.insertOne(new org.bson.Document("_id", "R-x").append("key", "K-5")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> requests.insertOne(new org.bson.Document("_id", "R-5")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            requests.insertOne(new org.bson.Document("key", "K-new"));
            assertThat(requests.find(Filters.eq("key", "K-new")).first().get("_id")).isInstanceOf(org.bson.types.ObjectId.class);
            return null;
        });
    }

    @Test
    void aFileWrittenBeforeTheTypedFormStaysReadable() throws Exception {
        Path file = dir.resolve("legacy.mv");
        withStore(new H2Backend(file.toString()), requests -> {
            requests.insertOne(new org.bson.Document("_id", "R-old").append("n", 1));
            return null;
        });
        withStore(DurableH2Backend.open(file.toString()), requests -> {
            assertThat(requests.find(Filters.eq("_id", "R-old")).first()).containsEntry("n", 1);
            requests.insertOne(new org.bson.Document("_id", "R-new").append("n", 2));
            return null;
        });
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(StorageFormat.marker(store)).isNull();
        }
    }

    static void withStore(H2Backend backend, Function<MongoCollection<org.bson.Document>, Void> work) throws Exception {
        int port = Ports.free();
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("localhost", port));
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            work.apply(client.getDatabase("fcr_test").getCollection("requests"));
        } finally {
            server.shutdownNow();
        }
    }
}
