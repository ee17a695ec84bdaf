package org.fcr.local;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import org.fcr.local.store.StorageFormat;
import org.fcr.local.store.TypedH2Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend, but a write is answered only after the MVStore has written it to
 * its file (a group commit shared by concurrent writers). The plain backend writes about once a
 * second in the background, so a kill -9 of the store lost the last second of acknowledged writes
 * of every service. No fsync: what reached the OS survives a process kill, not a power cut.
 */
public final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    static final int PAGE_SPLIT_SIZE = 4 * 1024;
    /**
     * H2's default page cache (16 MB) is smaller than the _id index of a busy collection: every insert then
     * read index pages back from the file and deserialized them.
     */
    static final int CACHE_MB = 64;
    /**
     * H2 rewrites chunks filled below 90 % by default, a tenth of the store's CPU under a steady write load
     * (each group commit writes a small chunk); at 50 % the file is at most about twice its live data.
     */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;

    private final MVStore store;
    private final GroupCommit commits;

    public DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.commits = new GroupCommit("mongo-store-commit", this::commitToFile);
    }

    /**
     * Every commit writes the changed pages again: 4 KB pages instead of H2's 16 KB halve the bytes per
     * commit and the file's growth (the benchmark in NOTES.md), at no cost in throughput.
     */
    public static DurableH2Backend open(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).pageSplitSize(PAGE_SPLIT_SIZE)
                .cacheSize(CACHE_MB).autoCompactFillRate(COMPACT_BELOW_FILL_PERCENT).open();
        if (StorageFormat.typed(store)) {
            StorageFormat.openTypedMaps(store);
        } else {
            log.warn("Store file {} keeps documents Java-serialized (made before BSON storage): it works, more slowly;"
                    + " start with a new data directory for the faster form", fileName);
        }
        return new DurableH2Backend(store);
    }

    /** Opens the databases of the file (here during construction) and new ones typed when the file is. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore mvStore = getMvStore();
        return StorageFormat.typed(mvStore) ? TypedH2Database.open(databaseName, mvStore, getCursorRegistry())
                : super.openOrCreateDatabase(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // also after a failed write: part of a bulk write may have happened and must not be lost silently
            if (isWrite(command, query)) {
                awaitCommit();
            }
        }
    }

    private void awaitCommit() {
        try {
            commits.awaitCommit();
        } catch (IllegalStateException e) {
            throw new MongoServerException(e.getMessage(), e);
        }
    }

    private void commitToFile() {
        // a commit that stored something waited for its write, and so for every earlier one (one writer
        // thread each for serializing and saving); one that found nothing new may have lost our changes to
        // H2's background auto-commit, whose write can still be running: wait for that one too
        if (store.commit() < 0 && store.getFileStore() != null) {
            store.getFileStore().executeFileStoreOperation(() -> {
            });
        }
    }

    /** Commits run so far, each covering one or more writes (for the benchmark). */
    public long commits() {
        return commits.commits();
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name)) {
            return true;
        }
        if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
            return stages.stream().anyMatch(s -> s instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return false;
    }

    @Override
    public void close() {
        commits.close();
        super.close();
    }
}
