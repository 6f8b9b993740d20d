package io.eventline.gateway.auth;

import java.util.List;
import java.util.Optional;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** Reads the API key a caller presents as {@code Authorization: Bearer <key>} (RFC 6750). */
public final class BearerKey {

    private static final String SCHEME = "bearer ";

    private BearerKey() {
    }

    /**
     * The presented key, or empty when the caller sent no usable Bearer credentials (no header, another
     * scheme, an empty key, or several Authorization headers, which would make it ambiguous who is calling).
     */
    public static Optional<String> from(MultiMap headers) {
        List<String> values = headers.getAll(HttpHeaders.AUTHORIZATION);
        if (values.size() != 1) {
            return Optional.empty();
        }
        String value = values.get(0).strip();
        if (value.length() <= SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String key = value.substring(SCHEME.length()).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
