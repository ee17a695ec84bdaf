package org.fcr.local.store;

import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which form a store file keeps its documents in. A file made before {@link BsonDocumentType}
 * existed holds Java-serialized values and is read the old way; a new file is marked and typed.
 */
public final class StorageFormat {

    static final String MARKER_MAP = "fcr.storage-format";
    static final String TYPED = "bson-1";
    /** mongo-java-server's map names: a collection's documents, and an index of a collection. */
    static final String DATA_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";
    static final String INDEX_INFIX = "._index_";

    private StorageFormat() {
    }

    /** Marks a file without collections as typed; answers whether the file is typed. */
    public static boolean typed(MVStore store) {
        MVMap<String, String> marker = store.openMap(MARKER_MAP);
        if (TYPED.equals(marker.get("values"))) {
            return true;
        }
        boolean hasCollections = store.getMapNames().stream().anyMatch(name -> name.startsWith(DATA_PREFIX));
        if (hasCollections) {
            return false;
        }
        marker.put("values", TYPED);
        return true;
    }

    /**
     * Opens the file's existing collection and index maps with the typed form, before mongo-java-server
     * opens them by name: MVStore then hands it these maps.
     */
    public static void openTypedMaps(MVStore store) {
        for (String name : store.getMapNames()) {
            if (name.startsWith(DATA_PREFIX)) {
                documents(store, name);
            } else if (!name.startsWith(META_PREFIX) && name.contains(INDEX_INFIX)) {
                index(store, name);
            }
        }
    }

    static MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                .keyType(StoreKeyType.INSTANCE).valueType(BsonDocumentType.INSTANCE));
    }

    static MVMap<Object, Object> index(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Object>()
                .keyType(StoreKeyType.INSTANCE).valueType(StoreKeyType.INSTANCE));
    }

    /** For tests: the marker's value, or null. */
    static String marker(MVStore store) {
        Map<String, String> marker = store.openMap(MARKER_MAP);
        return marker.get("values");
    }
}
