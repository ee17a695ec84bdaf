package org.fcr.schemas;

/**
 * Avro 1.12 refuses to instantiate classes outside trusted packages; our generated events live in
 * one package, which is trusted here before any decoder is built.
 */
public final class TrustedPackages {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String EVENT_PACKAGE = "org.fcr.events";

    private TrustedPackages() {
    }

    /** Call before building or copying events outside a serde (the serdes call it themselves). */
    public static synchronized void trustEventPackage() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, EVENT_PACKAGE);
        } else if (!current.contains(EVENT_PACKAGE)) {
            System.setProperty(PROPERTY, current + "," + EVENT_PACKAGE);
        }
    }
}
