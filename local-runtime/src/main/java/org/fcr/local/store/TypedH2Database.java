package org.fcr.local.store;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 database whose new collections and indexes are opened typed
 * ({@link StorageFormat}): the typed map is opened first, so H2Database's own open returns it.
 * Its collections find a document by {@code _id} for any query naming one ({@link ByIdCollection}).
 */
public final class TypedH2Database extends H2Database {

    /**
     * The store while a database is being constructed: H2Database's constructor already opens collections
     * (its namespaces), before this class's field is set.
     */
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    private final MVStore store;

    private TypedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.store = store;
    }

    public static TypedH2Database open(String databaseName, MVStore store, CursorRegistry cursors) {
        CONSTRUCTING.set(store);
        try {
            return new TypedH2Database(databaseName, store, cursors);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    private MVStore store() {
        return store != null ? store : CONSTRUCTING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = StorageFormat.documents(store(), StorageFormat.DATA_PREFIX + namespace);
        MVMap<String, Object> meta = store().openMap(StorageFormat.META_PREFIX + namespace);
        return new ByIdCollection(this, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        StorageFormat.index(store(), getFullCollectionNamespace(collectionName) + StorageFormat.INDEX_INFIX + indexName);
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }
}
