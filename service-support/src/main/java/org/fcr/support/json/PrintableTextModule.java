package org.fcr.support.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Registers, for every JSON body a service reads, a string reader that refuses what {@link PrintableText}
 * refuses: values, list elements and map keys alike, so no field needs code of its own.
 */
public class PrintableTextModule extends SimpleModule {

    public PrintableTextModule() {
        super("fcr-printable-text");
        addDeserializer(String.class, new Strings());
        addKeyDeserializer(String.class, new Keys());
    }

    static final class Strings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            return checked(p, super.deserialize(p, ctxt));
        }
    }

    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
            return checked(ctxt.getParser(), key);
        }
    }

    static String checked(JsonParser p, String value) {
        int refused = value == null ? -1 : PrintableText.firstRefused(value);
        if (refused >= 0) {
            throw new UnprintableText(p, value, refused);
        }
        return value;
    }
}
