package org.fcr.scoring.store;

/** Map keys inside documents must not contain dots or start with a dollar. */
final class Keys {

    private Keys() {
    }

    static String safe(String key) {
        return key.replace('.', '_').replace('$', '_');
    }
}
