package io.eventline.timeline.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque strings this API hands out to be given back (the saved timelines' page cursor, the change
 * feed's cursor): a kind, some fields and a check digest, base64url. The digest makes an edited or
 * truncated token, or one of another kind, a clean rejection instead of a misread. (Not a secret MAC:
 * a forged token can only position a client in data it may read anyway.)
 */
final class OpaqueToken {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_ENCODED_LENGTH = 256;

    private OpaqueToken() {
    }

    static String encode(String kind, long... fields) {
        StringBuilder content = new StringBuilder(kind);
        for (long field : fields) {
            content.append('|').append(field);
        }
        return ENCODER.encodeToString((content + "|" + check(content.toString())).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The fields of a token of this kind.
     *
     * @throws IllegalArgumentException when {@code token} is not one this service issued with this kind and number of fields
     */
    static long[] decode(String token, String kind, int fieldCount) {
        if (token.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("too long");
        }
        String text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
        int lastBar = text.lastIndexOf('|');
        if (lastBar < 0 || !text.substring(lastBar + 1).equals(check(text.substring(0, lastBar)))) {
            throw new IllegalArgumentException("check digest does not match");
        }
        String[] parts = text.substring(0, lastBar).split("\\|", -1);
        if (parts.length != fieldCount + 1 || !parts[0].equals(kind)) {
            throw new IllegalArgumentException("not a " + kind + " token");
        }
        long[] fields = new long[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            fields[i] = Long.parseLong(parts[i + 1]);
        }
        return fields;
    }

    private static String check(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("eventline opaque token|" + content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
