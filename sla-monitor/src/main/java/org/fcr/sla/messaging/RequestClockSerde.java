package org.fcr.sla.messaging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.fcr.events.Category;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;
import org.fcr.events.Stage;
import org.fcr.sla.domain.Alarm;
import org.fcr.sla.domain.ClockKind;
import org.fcr.sla.domain.OpenStage;
import org.fcr.sla.domain.Person;
import org.fcr.sla.domain.RequestClock;
import org.fcr.sla.domain.RequestFacts;
import org.fcr.sla.domain.StageAlarms;

/**
 * Compact binary form of a {@link RequestClock} in the state store and its changelog. Internal to
 * sla-monitor (never on a shared topic), so a version byte is enough to evolve it; enums are written
 * by name so that a new symbol in the Avro contract does not shift stored values.
 */
public final class RequestClockSerde implements Serde<RequestClock>, Serializer<RequestClock>, Deserializer<RequestClock> {

    private static final byte VERSION = 1;

    @Override
    public byte[] serialize(String topic, RequestClock clock) {
        if (clock == null) {
            return null;
        }
        try (var bytes = new ByteArrayOutputStream(256); var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(clock.requestId());
            out.writeLong(clock.lastSequence());
            out.writeInt(clock.attempt());
            out.writeInt(clock.startedMask());
            RequestFacts facts = clock.facts();
            out.writeUTF(facts.category().name());
            writeNullable(out, facts.subcategory());
            out.writeUTF(facts.size().name());
            out.writeUTF(facts.scope().name());
            out.writeBoolean(clock.drill());
            writeNullable(out, clock.department());
            writePerson(out, clock.handler());
            writePerson(out, clock.firstResponder());
            writeNullable(out, clock.listedUnder());
            out.writeShort(clock.open().size());
            for (OpenStage stage : clock.open()) {
                writeStage(out, stage);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RequestClock deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("Unknown request clock format " + version);
            }
            String requestId = in.readUTF();
            long lastSequence = in.readLong();
            int attempt = in.readInt();
            int startedMask = in.readInt();
            RequestFacts facts = new RequestFacts(Category.valueOf(in.readUTF()), readNullable(in),
                    RequestSize.valueOf(in.readUTF()), Scope.valueOf(in.readUTF()));
            boolean drill = in.readBoolean();
            String department = readNullable(in);
            Person handler = readPerson(in);
            Person firstResponder = readPerson(in);
            String listedUnder = readNullable(in);
            int count = in.readShort();
            List<OpenStage> open = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                open.add(readStage(in));
            }
            return new RequestClock(requestId, lastSequence, attempt, startedMask, facts, drill, department, handler,
                    firstResponder, listedUnder, open);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeStage(DataOutputStream out, OpenStage stage) throws IOException {
        out.writeUTF(stage.stage().name());
        out.writeInt(stage.attempt());
        out.writeLong(stage.startedAt().toEpochMilli());
        out.writeLong(stage.standardMillis());
        out.writeUTF(stage.clock().name());
        writeNullable(out, stage.causeEventId());
        StageAlarms alarms = stage.alarms();
        writeInstant(out, alarms.reminder());
        writeInstant(out, alarms.deadline());
        writeInstant(out, alarms.supervisor());
        writeInstant(out, alarms.officeManager());
        out.writeUTF(stage.nextAlarm().name());
        writeInstant(out, stage.pausedSince());
        out.writeLong(stage.pausedMillis());
        out.writeBoolean(stage.breached());
    }

    private static OpenStage readStage(DataInputStream in) throws IOException {
        Stage stage = Stage.valueOf(in.readUTF());
        int attempt = in.readInt();
        Instant startedAt = Instant.ofEpochMilli(in.readLong());
        long standard = in.readLong();
        ClockKind clock = ClockKind.valueOf(in.readUTF());
        String cause = readNullable(in);
        StageAlarms alarms = new StageAlarms(readInstant(in), readInstant(in), readInstant(in), readInstant(in));
        Alarm next = Alarm.valueOf(in.readUTF());
        Instant pausedSince = readInstant(in);
        long pausedMillis = in.readLong();
        boolean breached = in.readBoolean();
        return new OpenStage(stage, attempt, startedAt, standard, clock, cause, alarms, next, pausedSince, pausedMillis,
                breached);
    }

    private static void writePerson(DataOutputStream out, Person person) throws IOException {
        out.writeBoolean(person != null);
        if (person != null) {
            out.writeUTF(person.employeeId());
            out.writeUTF(person.name());
            writeNullable(out, person.department());
            writeNullable(out, person.role());
            out.writeInt(person.rank());
        }
    }

    private static Person readPerson(DataInputStream in) throws IOException {
        return in.readBoolean()
                ? new Person(in.readUTF(), in.readUTF(), readNullable(in), readNullable(in), in.readInt())
                : null;
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at == null ? Long.MIN_VALUE : at.toEpochMilli());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        long millis = in.readLong();
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public Serializer<RequestClock> serializer() {
        return this;
    }

    @Override
    public Deserializer<RequestClock> deserializer() {
        return this;
    }
}
