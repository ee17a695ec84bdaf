package org.fcr.support.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A body string holding a character {@link PrintableText} refuses; Jackson adds the path of the field. */
public class UnprintableText extends InvalidFormatException {

    private final String codePoint;

    public UnprintableText(JsonParser parser, String value, int index) {
        super(parser, "control character " + PrintableText.codePoint(value, index) + " at " + index, value, String.class);
        this.codePoint = PrintableText.codePoint(value, index);
    }

    public String codePoint() {
        return codePoint;
    }
}
