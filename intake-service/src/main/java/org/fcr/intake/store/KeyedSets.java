package org.fcr.intake.store;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sets kept under keys in a concurrent map (an index by first responder, the pending writes of a request):
 * a set is made with its first entry and leaves the map with its last, each change atomic for its key.
 */
public final class KeyedSets {

    private KeyedSets() {
    }

    /** Puts an entry into the set under {@code key}, making the set if there is none. */
    public static <T, S extends Set<T>> void put(Map<String, S> index, String key, T entry, Supplier<S> newSet) {
        index.compute(key, (k, entries) -> {
            S set = entries != null ? entries : newSet.get();
            set.add(entry);
            return set;
        });
    }

    /** Takes an entry out of the set under {@code key}; an emptied set leaves the map. */
    public static <T, S extends Set<T>> void take(Map<String, S> index, String key, T entry) {
        index.computeIfPresent(key, (k, entries) -> {
            entries.remove(entry);
            return entries.isEmpty() ? null : entries;
        });
    }
}
