package io.eventline.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an article's normalized title and text: equal hashes mean the same content, so a
 * consumer can tell a re-sent article from a changed one.
 */
final class ContentHash {

    /**
     * Cloned for each article: {@link MessageDigest#getInstance} searches the security providers on every
     * call: a third of the hash's samples in a JFR of ingest-service under deploy/load.
     */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private ContentHash() {
    }

    static String of(String normalizedTitle, String normalizedText) {
        MessageDigest sha256 = fresh();
        sha256.update(normalizedTitle.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(normalizedText.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
