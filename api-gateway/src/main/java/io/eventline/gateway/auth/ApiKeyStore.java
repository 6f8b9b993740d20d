package io.eventline.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Recognises presented API keys.
 * <p>
 * Only SHA-256 digests are kept (the keys file holds nothing else), and several entries may share a
 * name, which is how a key is rotated (old and new accepted side by side until the old one is removed).
 * A store never changes; reloading the keys file builds a new one. Digests are compared with
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

    /** How many digests are accepted (a name has two while its key is being rotated). */
    public int size() {
        return entries.size();
    }

    /** The names of the keys, for logs and for checking which clients are configured. */
    public SortedSet<String> names() {
        return entries.stream().map(entry -> entry.key().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the given secret would be accepted; used to refuse publicly known keys in production. */
    public boolean accepts(String secret) {
        return authenticate(secret).isPresent();
    }

    /** Hex SHA-256 of a key, as operators write it in the keys file ({@code printf %s "$KEY" | sha256sum}). */
    public static String sha256Hex(String secret) {
        return HEX.formatHex(sha256(secret));
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

        /** Adds every key of another store (the plain development keys join the keys file's this way). */
        public Builder addAll(ApiKeyStore other) {
            entries.addAll(other.entries);
            return this;
        }

        public ApiKeyStore build() {
            return new ApiKeyStore(entries);
        }
    }
}
