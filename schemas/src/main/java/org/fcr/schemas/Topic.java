package org.fcr.schemas;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes it must be used with, so that no producer or consumer can pair a topic
 * with the wrong format.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** The dead-letter topic of this one: same key, original bytes, error in headers. */
    public String deadLetterName() {
        return name + Topics.DEAD_LETTER_SUFFIX;
    }
}
