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

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.fcr.events.Category;
import org.fcr.events.Stage;
import org.fcr.sla.domain.StageOutcome;
import org.fcr.sla.domain.StageTally;

/** Internal binary serdes of the statistics' repartition topic and window stores. */
final class StatisticsSerdes {

    private StatisticsSerdes() {
    }

    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static <T> Serde<T> binary(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            try (var bytes = new ByteArrayOutputStream(); var out = new DataOutputStream(bytes)) {
                writer.write(out, value);
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (var in = new DataInputStream(new ByteArrayInputStream(data))) {
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Serde<StageOutcome> outcomes() {
        return binary((out, o) -> {
            out.writeUTF(o.department());
            out.writeUTF(o.category().name());
            out.writeUTF(o.stage().name());
            out.writeLong(o.durationMillis());
            out.writeBoolean(o.breached());
            out.writeLong(o.endedAt().toEpochMilli());
        }, in -> new StageOutcome(in.readUTF(), Category.valueOf(in.readUTF()), Stage.valueOf(in.readUTF()),
                in.readLong(), in.readBoolean(), Instant.ofEpochMilli(in.readLong())));
    }

    static Serde<StageTally> tallies() {
        return binary((out, t) -> {
            out.writeBoolean(t.department() != null);
            if (t.department() != null) {
                out.writeUTF(t.department());
                out.writeUTF(t.category().name());
                out.writeUTF(t.stage().name());
            }
            out.writeLong(t.count());
            out.writeLong(t.met());
            out.writeLong(t.breached());
            out.writeLong(t.max());
            List<Long> samples = t.samples();
            out.writeInt(samples.size());
            for (long sample : samples) {
                out.writeLong(sample);
            }
        }, in -> {
            boolean named = in.readBoolean();
            String department = named ? in.readUTF() : null;
            Category category = named ? Category.valueOf(in.readUTF()) : null;
            Stage stage = named ? Stage.valueOf(in.readUTF()) : null;
            long count = in.readLong();
            long met = in.readLong();
            long breached = in.readLong();
            long max = in.readLong();
            int size = in.readInt();
            List<Long> samples = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                samples.add(in.readLong());
            }
            return new StageTally(department, category, stage, count, met, breached, max, samples);
        });
    }
}
