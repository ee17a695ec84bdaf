package org.fcr.local.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Keys of the store's maps: a document's {@code _id} (the key of a collection, the value of an
 * index) and an index's key values. H2's default type compares keys it cannot order natively
 * (every index key) by serializing both with Java serialization, at each step of every B-tree
 * search. Here strings and ObjectIds are written as they are, index keys as BSON, and keys are
 * ordered as MongoDB orders values; anything else falls back to Java serialization.
 */
public final class StoreKeyType extends BasicDataType<Object> {

    public static final StoreKeyType INSTANCE = new StoreKeyType();

    private static final byte SERIALIZED = 0;
    private static final byte STRING = 1;
    private static final byte OBJECT_ID = 2;
    private static final byte INDEX_KEY = 3;
    private static final String VALUES = "v";

    private StoreKeyType() {
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof String s ? 40 + 2 * s.length() : key instanceof KeyValue k ? 48 + 32 * k.size() : 64;
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof String s) {
            buffer.put(STRING).putVarInt(s.length()).putStringData(s, s.length());
        } else if (key instanceof ObjectId id) {
            buffer.put(OBJECT_ID).put(id.toByteArray());
        } else if (key instanceof KeyValue values) {
            ByteBuf bson = Unpooled.buffer(64);
            BsonEncoder.encodeDocument(new Document(VALUES, values.stream().toList()), bson);
            buffer.put(INDEX_KEY).putVarInt(bson.readableBytes())
                    .put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } else {
            byte[] serialized = serialize(key);
            buffer.put(SERIALIZED).putVarInt(serialized.length).put(serialized);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        switch (tag) {
            case STRING:
                return DataUtils.readString(buffer);
            case OBJECT_ID: {
                byte[] id = new byte[12];
                buffer.get(id);
                return new ObjectId(id);
            }
            case INDEX_KEY:
                return new KeyValue((List<?>) BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes(buffer))).get(VALUES));
            case SERIALIZED:
                return deserialize(bytes(buffer));
            default:
                throw new IllegalStateException("unknown key tag " + tag);
        }
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            int common = Math.min(x.size(), y.size());
            for (int i = 0; i < common; i++) {
                int c = ValueComparator.ascWithoutListHandling().compare(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return ValueComparator.ascWithoutListHandling().compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] serialize(Object key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Object deserialize(byte[] bytes) {
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return objects.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
