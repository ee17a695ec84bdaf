package org.fcr.support.json;

/**
 * What a string read from a request body may hold: any text a person can type, including line breaks
 * and tabs in free text, but no control characters (NUL and the other C0 and C1 codes, DEL) and no half of
 * a surrogate pair. Such characters are never meant; they break the store (a NUL in BSON), the exports and
 * the pages downstream, so they are refused at the edge, once, for every field of every service.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** The index of the first character refused, or -1 when all of them may stay. */
    public static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (refused(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean refused(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c);
    }

    /** The character as U+XXXX, for a message that shows what was refused without printing it. */
    public static String codePoint(String text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }
}
