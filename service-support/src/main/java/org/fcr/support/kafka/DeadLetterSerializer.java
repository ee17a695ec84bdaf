package org.fcr.support.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.fcr.schemas.AvroSerde;

/**
 * Writes whatever a failed record holds onto its dead-letter topic: the original bytes of an
 * undecodable value, the decoded String key, or a decoded Avro event that the listener could not
 * handle (re-encoded in the same single-object format, so the DLT reads like its topic).
 */
public class DeadLetterSerializer implements Serializer<Object> {

    private final Map<Class<?>, AvroSerde<?>> serdes = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof SpecificRecord record) {
            AvroSerde serde = serdes.computeIfAbsent(record.getClass(), type -> AvroSerde.of((Class) type));
            return serde.toBytes(record);
        }
        throw new SerializationException("Cannot dead-letter a " + data.getClass().getName());
    }
}
