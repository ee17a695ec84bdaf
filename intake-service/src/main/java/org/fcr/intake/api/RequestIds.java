package org.fcr.intake.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Request ids: "R-" and ten base-32 characters, random, or derived from the caller's
 * Idempotency-Key so that a retried create finds the request it already made.
 */
final class RequestIds {

    static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    static String next(String user, String idempotencyKey) {
        byte[] bytes = new byte[10];
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            RANDOM.nextBytes(bytes);
        } else {
            System.arraycopy(sha256(user + ":" + idempotencyKey), 0, bytes, 0, bytes.length);
        }
        StringBuilder id = new StringBuilder("R-");
        for (byte b : bytes) {
            id.append(ALPHABET[(b & 0xff) % ALPHABET.length]);
        }
        return id.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
