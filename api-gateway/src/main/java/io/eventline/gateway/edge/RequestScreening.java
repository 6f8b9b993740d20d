package io.eventline.gateway.edge;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.eventline.gateway.problem.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * Checks that refuse a request from its first line and headers alone, before anything else looks at it:
 * paths that try to climb out of where they point, oversized headers, and API keys put in the URL.
 */
public final class RequestScreening {

    /**
     * Query parameters clients and tools commonly use for credentials. A key there is refused even with a
     * valid Authorization header: it has already leaked into URLs, logs and browser histories.
     */
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("api_key", "apikey", "api-key", "key",
            "access_token", "token");

    private RequestScreening() {
    }

    /**
     * Whether the raw path has dot segments or encoded separators. Such a path means something else once
     * normalised ("/api/v1/../q/metrics" is "/q/metrics"), and servers disagree on how to normalise it, so
     * it is refused rather than guessed at. Real clients never send one: browsers and HTTP libraries
     * normalise paths before sending.
     */
    public static boolean isTraversal(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return true;
        }
        for (String segment : lower.replace("%2e", ".").split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Size of the header lines as sent ("Name: value" plus CRLF each). */
    public static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        return total;
    }

    /** The first query parameter that looks like a credential, if any. */
    public static Optional<String> credentialParameter(HttpServerRequest request) {
        if (request.query() == null) {
            return Optional.empty();
        }
        return request.params().names().stream()
                .filter(name -> CREDENTIAL_PARAMETERS.contains(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The refusal for a request that fails a check made on every path, or empty. */
    public static Optional<Problem> screen(HttpServerRequest request, long maxHeaderBytes) {
        if (isTraversal(request.path())) {
            return Optional.of(Problem.pathTraversal());
        }
        if (headerBytes(request.headers()) > maxHeaderBytes) {
            return Optional.of(Problem.headersTooLarge(maxHeaderBytes));
        }
        return Optional.empty();
    }
}
