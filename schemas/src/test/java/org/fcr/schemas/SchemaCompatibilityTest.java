package org.fcr.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build gate of ARCHITECTURE §3: today's schema of every event must be recorded in the
 * history, and must read every older version and be readable by every older version (full
 * transitive compatibility), so producers and consumers can be upgraded in any order.
 * <p>
 * To record a deliberate, compatible change: {@code mvn -pl schemas test -Dfcr.schemas.record=true}.
 */
class SchemaCompatibilityTest {

    private static final Path HISTORY = Path.of("src/main/avro-history");

    static Stream<String> events() {
        return SchemaHistory.EVENTS.stream();
    }

    @ParameterizedTest(name = "{0}: current schema is recorded in the history")
    @MethodSource("events")
    void currentSchemaIsTheLatestRecordedVersion(String event) throws IOException {
        Schema current = currentSchema(event);
        List<Schema> history = readHistory(event);
        boolean recorded = !history.isEmpty() && fingerprint(history.get(history.size() - 1)) == fingerprint(current);
        if (!recorded && Boolean.getBoolean("fcr.schemas.record")) {
            Path file = HISTORY.resolve(event).resolve("v" + (history.size() + 1) + ".avsc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + "\n");
            recorded = true;
        }
        assertThat(recorded)
                .as("%s changed but its schema is not in %s; check compatibility and record it with -Dfcr.schemas.record=true",
                        event, HISTORY)
                .isTrue();
    }

    static Stream<Arguments> historicVersions() {
        return events().flatMap(event -> {
            List<Schema> history = readHistory(event);
            return java.util.stream.IntStream.range(0, history.size())
                    .mapToObj(i -> Arguments.of(event, i + 1, history.get(i)));
        });
    }

    @ParameterizedTest(name = "{0} v{1}: read by current, reads current")
    @MethodSource("historicVersions")
    void everyVersionIsFullyCompatibleWithTheCurrentOne(String event, int version, Schema old) {
        Schema current = currentSchema(event);
        assertCompatible(current, old, "current " + event + " reading v" + version);
        assertCompatible(old, current, event + " v" + version + " reading current");
    }

    private static void assertCompatible(Schema reader, Schema writer, String what) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(result.getType())
                .as("%s: %s", what, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    static Schema currentSchema(String event) {
        try {
            Class<?> type = Class.forName("org.fcr.events." + event);
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No generated class for " + event, e);
        }
    }

    /** Read from the source folder, not the classpath, so a version recorded in this run counts at once. */
    static List<Schema> readHistory(String event) {
        Path folder = HISTORY.resolve(event);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Schema> versions = new java.util.ArrayList<>();
        for (int v = 1; Files.exists(folder.resolve("v" + v + ".avsc")); v++) {
            try {
                versions.add(new Schema.Parser().parse(folder.resolve("v" + v + ".avsc").toFile()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return versions;
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
