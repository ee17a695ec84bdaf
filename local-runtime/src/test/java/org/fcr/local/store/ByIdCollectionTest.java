package org.fcr.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.fcr.local.DurableH2Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * A query naming one _id (and more) reads that document, not the collection: counted in pages read
 * from a file whose cache is cold, 20,000 documents (~1,500 pages) of which the update needs one.
 */
class ByIdCollectionTest {

    private static final int DOCUMENTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void aGuardedUpdateReadsItsDocumentByIdAndStillChecksTheGuard() throws Exception {
        String file = dir.resolve("by-id.mv").toString();
        TypedStorageTest.withStore(DurableH2Backend.open(file), requests -> {
            List<Document> documents = IntStream.range(0, DOCUMENTS)
                    .mapToObj(i -> new Document("_id", "R-" + i).append("seq", 1).append("text", "水管漏水".repeat(40)))
                    .toList();
            requests.insertMany(documents);
            return null;
        });

        DurableH2Backend reopened = DurableH2Backend.open(file);
        TypedStorageTest.withStore(reopened, requests -> {
            Document guard = new Document("_id", "R-12345").append("seq", 1);
            long readBefore = reopened.getMvStore().getFileStore().getReadCount();

            UpdateResult first = requests.updateOne(guard, Updates.set("seq", 2));
            UpdateResult stale = requests.updateOne(guard, Updates.set("seq", 3));

            long pagesRead = reopened.getMvStore().getFileStore().getReadCount() - readBefore;
            assertThat(first.getModifiedCount()).isEqualTo(1);
            assertThat(stale.getMatchedCount()).as("the guard is still checked").isZero();
            assertThat(pagesRead).as("pages read for two guarded updates").isLessThan(40);
            assertThat(requests.find(new Document("_id", "R-12345").append("seq", 2)).first()).isNotNull();
            assertThat(requests.find(new Document("_id", "R-UNKNOWN").append("seq", 1)).first()).isNull();
            // shapes the _id index cannot answer still scan, and still match
            assertThat(requests.countDocuments(Filters.and(Filters.in("_id", "R-1", "R-2"), Filters.eq("seq", 1)))).isEqualTo(2);
            assertThat(requests.countDocuments(new Document("seq", 2))).isEqualTo(1);
            return null;
        });
    }
}
