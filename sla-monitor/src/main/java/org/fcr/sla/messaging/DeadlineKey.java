package org.fcr.sla.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.utils.Bytes;
import org.fcr.events.Stage;

/**
 * Key of the deadline index: big-endian {@code dueMillis | requestId | stage}, so that the store's
 * byte order is time order and a range scan from 0 to now yields exactly what is due, earliest first.
 */
public record DeadlineKey(long dueMillis, String requestId, Stage stage) {

    private static final byte SEPARATOR = '|';

    public static DeadlineKey of(Instant due, String requestId, Stage stage) {
        return new DeadlineKey(due.toEpochMilli(), requestId, stage);
    }

    public Bytes toBytes() {
        byte[] id = requestId.getBytes(StandardCharsets.UTF_8);
        byte[] stageName = stage.name().getBytes(StandardCharsets.US_ASCII);
        return Bytes.wrap(ByteBuffer.allocate(8 + id.length + 1 + stageName.length)
                .putLong(dueMillis).put(id).put(SEPARATOR).put(stageName).array());
    }

    public static DeadlineKey from(Bytes key) {
        byte[] raw = key.get();
        long due = dueMillisOf(key);
        int split = raw.length - 1;
        while (split > 8 && raw[split] != SEPARATOR) {
            split--;
        }
        String requestId = new String(raw, 8, split - 8, StandardCharsets.UTF_8);
        Stage stage = Stage.valueOf(new String(raw, split + 1, raw.length - split - 1, StandardCharsets.US_ASCII));
        return new DeadlineKey(due, requestId, stage);
    }

    /** The due time alone (the leading 8 bytes), without decoding the request id and stage. */
    public static long dueMillisOf(Bytes key) {
        return ByteBuffer.wrap(key.get(), 0, 8).getLong();
    }

    /**
     * The lower bound of everything due at or after {@code millis}: a bare 8-byte time sorts before
     * every key with that time and a suffix.
     */
    public static Bytes bound(long millis) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(millis).array());
    }
}
