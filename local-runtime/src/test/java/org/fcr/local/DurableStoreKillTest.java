package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The store answers a write only once it is in its file: writers insert and update as fast as they
 * can, the store process is killed with SIGKILL in the middle, and after a restart on the same file
 * every acknowledged insert and update is there.
 */
class DurableStoreKillTest {

    private static final int WRITERS = 8;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteSurvivesAKillNineOfTheStore() throws Exception {
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        try (InfrastructureChild store = InfrastructureChild.store(data)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            try (MongoClient client = client(store.address())) {
                MongoCollection<Document> requests = client.getDatabase("fcr_kill").getCollection("requests");
                for (int w = 0; w < WRITERS; w++) {
                    String prefix = "w" + w + "-";
                    Thread writer = new Thread(() -> write(requests, prefix, writing, acknowledged), "writer-" + w);
                    writer.start();
                    writers.add(writer);
                }
                Thread.sleep(2500);
                store.kill();
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join(TimeUnit.SECONDS.toMillis(30));
                }
            }
            assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThan(100);

            store.start();
            try (MongoClient client = client(store.address())) {
                MongoCollection<Document> requests = client.getDatabase("fcr_kill").getCollection("requests");
                Map<String, Integer> found = new java.util.HashMap<>();
                requests.find().forEach(d -> found.put(d.getString("_id"), d.getInteger("version")));
                acknowledged.forEach((id, version) -> assertThat(found.get(id))
                        .as("acknowledged %s version %s after the restart", id, version)
                        .isNotNull().isGreaterThanOrEqualTo(version));
            }
        }
    }

    /** Insert a document, then update it once; remember the last acknowledged version of each. */
    private static void write(MongoCollection<Document> requests, String prefix, AtomicBoolean writing,
                              Map<String, Integer> acknowledged) {
        for (int n = 0; writing.get(); n++) {
            String id = prefix + n;
            try {
                requests.insertOne(new Document("_id", id).append("version", 1).append("description", "厨房水管漏水 ".repeat(20)));
                acknowledged.put(id, 1);
                requests.updateOne(Filters.eq("_id", id), Updates.set("version", 2));
                acknowledged.put(id, 2);
            } catch (RuntimeException storeGone) {
                return;
            }
        }
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
