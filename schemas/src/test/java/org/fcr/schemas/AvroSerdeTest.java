package org.fcr.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.fcr.events.Accepted;
import org.fcr.events.RequestEvent;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerde<RequestEvent> serde = AvroSerde.of(RequestEvent.class);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void roundTripsAnEventWithSingleObjectEncoding() {
        RequestEvent event = EventFixtures.accepted("R-1", now);

        byte[] bytes = serde.serialize("fcr.requests", event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserialize("fcr.requests", bytes)).isEqualTo(event);
    }

    @Test
    void readsARecordWrittenWithTheOldestRecordedSchemaIntoTodaysClasses() throws Exception {
        List<Schema> history = SchemaHistory.versions("RequestEvent");
        Schema v1 = history.get(0);
        assertThat(v1.getField("attributes")).as("v1 predates attributes").isNull();
        // Re-encode today's record through the v1 schema, as an old producer would have written it.
        RequestEvent event = EventFixtures.accepted("R-2", now);
        GenericRecord old = (GenericRecord) GenericData.get().deepCopy(v1, toGeneric(event, v1));
        ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);

        RequestEvent read = serde.deserialize("fcr.requests", bytes);

        assertThat(read.getRequestId()).isEqualTo("R-2");
        assertThat(((Accepted) read.getPayload()).getDescription()).isEqualTo("厨房水管漏水");
        assertThat(read.getAttributes()).as("default filled in for the field v1 lacked").isEmpty();
    }

    @Test
    void garbageIsASerializationExceptionThatADeadLetterHandlerCanCatch() {
        assertThatThrownBy(() -> serde.deserialize("fcr.requests", "not avro".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("RequestEvent");
    }

    @Test
    void anUnknownFingerprintIsRefusedNotMisread() {
        byte[] bytes = serde.serialize("t", EventFixtures.accepted("R-3", now));
        bytes[5] ^= 0x5A; // corrupt the schema fingerprint
        assertThatThrownBy(() -> serde.deserialize("t", bytes)).isInstanceOf(SerializationException.class);
    }

    /** Converts through binary datum encoding with schema resolution from today's schema to v1. */
    private static GenericRecord toGeneric(RequestEvent event, Schema v1) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.avro.specific.SpecificDatumWriter<RequestEvent>(RequestEvent.getClassSchema()).write(event, encoder);
        encoder.flush();
        var decoder = org.apache.avro.io.DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(RequestEvent.getClassSchema(), v1)
                .read(null, decoder);
    }
}
