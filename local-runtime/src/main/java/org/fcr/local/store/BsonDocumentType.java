package org.fcr.local.store;

import java.nio.ByteBuffer;
import java.util.ConcurrentModificationException;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Stored documents as BSON, the form they arrive and leave in. H2's default type writes them with
 * Java serialization, and MVStore writes every value of a changed page again at each commit: that
 * serialization took about a third of the store's CPU under a steady insert load.
 */
public final class BsonDocumentType extends BasicDataType<Document> {

    public static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** A running average of encoded sizes: H2 sizes its pages and cache by these estimates. */
    private volatile int averageSize = 1024;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    /**
     * mongo-java-server can change a stored document in place (a findAndModify's update) while MVStore's
     * serializer thread writes the page holding it; the change is followed by a put, so the page is written
     * again at the next commit. Encoding again is enough — failing here would fail the commit, and with it
     * every later write of the store.
     */
    static final int ATTEMPTS_WHILE_CHANGED = 1_000;

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = encode(document);
        int length = bson.readableBytes();
        buffer.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        sized(length);
    }

    static ByteBuf encode(Document document) {
        for (int attempt = 1; ; attempt++) {
            ByteBuf bson = Unpooled.buffer(1024);
            try {
                BsonEncoder.encodeDocument(document, bson);
                return bson;
            } catch (ConcurrentModificationException e) {
                if (attempt == ATTEMPTS_WHILE_CHANGED) {
                    throw e;
                }
                Thread.yield();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[length];
        buffer.get(bson);
        sized(length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** Values are only compared for equality (replace and remove with an expected value). */
    @Override
    public int compare(Document a, Document b) {
        return ValueComparator.ascWithoutListHandling().compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private void sized(int length) {
        averageSize = (averageSize * 15 + length + 32) / 16;
    }
}
