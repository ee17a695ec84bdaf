package org.fcr.intake.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Avro records do not serialize with Jackson: this turns one into plain maps and lists for a JSON view. */
final class AvroMaps {

    private AvroMaps() {
    }

    static Map<String, Object> toMap(IndexedRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (record == null) {
            return map;
        }
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = plain(record.get(field.pos()));
            if (value != null) {
                map.put(field.name(), value);
            }
        }
        return map;
    }

    static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Instant || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof IndexedRecord r) {
            return toMap(r);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.toString(), plain(v)));
            return out;
        }
        return value.toString();
    }
}
