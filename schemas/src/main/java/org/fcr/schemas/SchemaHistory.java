package org.fcr.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every schema version ever shipped, per top-level event, read from {@code avro-history/<Event>/vN.avsc}
 * on the classpath. Versions are numbered from 1 without gaps, so no index file is needed.
 */
public final class SchemaHistory {

    /** The top-level events, one history folder each. */
    public static final List<String> EVENTS = List.of(
            "RequestEvent", "DispatchOrder", "DispatchDecision", "SlaEvent", "StageStats", "ScoreEntry", "Notification");

    private static final SchemaStore.Cache STORE = loadStore();

    private SchemaHistory() {
    }

    public static SchemaStore store() {
        return STORE;
    }

    /** All versions of one event, oldest first. */
    public static List<Schema> versions(String event) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int v = 1; ; v++) {
            try (InputStream in = loader.getResourceAsStream("avro-history/" + event + "/v" + v + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema history of " + event, e);
            }
        }
    }

    public static Map<String, List<Schema>> all() {
        var all = new java.util.LinkedHashMap<String, List<Schema>>();
        EVENTS.forEach(event -> all.put(event, versions(event)));
        return all;
    }

    private static SchemaStore.Cache loadStore() {
        SchemaStore.Cache cache = new SchemaStore.Cache();
        all().values().forEach(versions -> versions.forEach(cache::addSchema));
        return cache;
    }
}
