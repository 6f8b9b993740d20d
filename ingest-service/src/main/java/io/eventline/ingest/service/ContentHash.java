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

    private ContentHash() {
    }

    static String of(String normalizedTitle, String normalizedText) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(normalizedTitle.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(normalizedText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
