package org.fcr.local.store;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 collection, but a query that names one {@code _id} — and more, such as an
 * update guarded by a version, {@code {_id: x, seq: 7}} — looks that document up in the {@code _id}
 * index, as MongoDB does. mongo-java-server uses an index only for a query on exactly its keys, so
 * every guarded update scanned the whole collection under its lock: with 100k requests stored, a
 * stage command or a DISPATCHED took most of a second and the store ran out of CPU.
 */
final class ByIdCollection extends H2Collection {

    private static final String ID = "_id";

    ByIdCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document projection) {
        if (query.size() > 1 && isPlainValue(query.get(ID))) {
            Document byId = new Document(ID, query.get(ID));
            Index<Object> idIndex = indexFor(byId);
            if (idIndex != null) {
                // the candidate still goes through the whole query: the other fields decide
                return matchDocuments(query, idIndex.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                        projection);
            }
        }
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, projection);
    }

    private Index<Object> indexFor(Document byId) {
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(byId)) {
                return index;
            }
        }
        return null;
    }

    /** An equality on one value: not an operator document ({$in: …}), a list or a pattern. */
    static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)
                && !BsonRegularExpression.isRegularExpression(value) && !(value instanceof Pattern);
    }
}
