package io.eventline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Recognises presented API keys.
 * <p>
 * Only SHA-256 digests are kept, so the store could be fed hashes from a secret store instead of
 * plain keys, and several entries may share a name, which is how a key is rotated (old and new
 * accepted side by side until the old one is removed). Digests are compared with
 * {@link MessageDigest#isEqual}, which takes the same time however many bytes match, and every
 * entry is compared, so response time tells an attacker nothing about which key came close.
 */
public final class ApiKeyStore {

    private static final HexFormat HEX = HexFormat.of();

    private record Entry(ApiKey key, byte[] digest) {
    }

    private final List<Entry> entries;

    private ApiKeyStore(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key the presented secret belongs to, or empty if it is not one of ours. */
    public Optional<ApiKey> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedSecret);
        ApiKey match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), presented) && match == null) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return entries.size();
    }

    /**
     * A short, non-reversible tag for a presented secret, so a failed attempt can be correlated in logs
     * (the same wrong key shows the same tag) without the log ever holding the key.
     */
    public static String fingerprint(String secret) {
        return HEX.formatHex(sha256(secret == null ? "" : secret)).substring(0, 8);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-256", e);
        }
    }

    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /** Adds a key given in plain text; only its digest is kept. */
        public Builder plain(ApiKey key, String secret) {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("API key '" + key.name() + "' has an empty secret");
            }
            entries.add(new Entry(key, sha256(secret)));
            return this;
        }

        /** Adds a key known only by the hex SHA-256 digest of its secret. */
        public Builder sha256Hex(ApiKey key, String hexDigest) {
            byte[] digest = HEX.parseHex(hexDigest);
            if (digest.length != 32) {
                throw new IllegalArgumentException("API key '" + key.name() + "' digest is not a SHA-256 digest");
            }
            entries.add(new Entry(key, digest));
            return this;
        }

        public ApiKeyStore build() {
            return new ApiKeyStore(entries);
        }
    }
}
