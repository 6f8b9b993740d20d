package io.eventline.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem detail: what the gateway sends whenever it refuses or cannot complete a request.
 * {@code type} names the problem for machines, {@code title} for people; {@code extensions} carry the
 * specifics a caller needs to fix the request (for example the missing scope).
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs: they identify a problem without promising a web page behind them. */
    private static final String TYPE_PREFIX = "urn:eventline:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, more);
    }

    public Buffer toJson(String instance, String requestId) {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        extensions.forEach(json::put);
        return json.toBuffer();
    }

    // The problems the gateway can answer with, in one place so their types and wording stay consistent.

    public static Problem missingApiKey() {
        return of("missing-api-key", "API key required", 401,
                "Send your API key as 'Authorization: Bearer <key>'.");
    }

    public static Problem unknownApiKey() {
        return of("unknown-api-key", "API key not recognised", 401,
                "The API key in the Authorization header is not valid.");
    }

    public static Problem insufficientScope(String keyName, String requiredScope) {
        return of("insufficient-scope", "API key lacks the required scope", 403,
                "This request needs the scope '" + requiredScope + "', which the API key '" + keyName
                        + "' does not have.")
                .with("requiredScope", requiredScope);
    }

    public static Problem noRoute(String path) {
        return of("no-route", "No such API endpoint", 404, "Nothing is served at " + path + ".");
    }

    public static Problem notFound(String path) {
        return of("not-found", "Not found", 404, "Nothing is served at " + path + ".");
    }

    public static Problem bodyTooLarge(long maxBytes) {
        return of("body-too-large", "Request body too large", 413,
                "Request bodies may be at most " + maxBytes + " bytes.")
                .with("maxBytes", maxBytes);
    }

    public static Problem malformedRequest(String detail) {
        return of("malformed-request", "Malformed request", 400, detail);
    }

    public static Problem upstreamUnavailable(String upstream) {
        return of("upstream-unavailable", "Service unavailable", 503,
                "The " + upstream + " service cannot be reached right now; try again shortly.")
                .with("upstream", upstream);
    }

    public static Problem upstreamTimeout(String upstream, long timeoutMillis) {
        return of("upstream-timeout", "Service did not answer in time", 504,
                "The " + upstream + " service did not answer within " + timeoutMillis + " ms.")
                .with("upstream", upstream);
    }

    public static Problem badGateway(String upstream) {
        return of("bad-gateway", "Service failed", 502,
                "The " + upstream + " service broke off the exchange before answering.")
                .with("upstream", upstream);
    }

    public static Problem rateLimited(String keyName, String allowance, long retryAfterSeconds) {
        return of("rate-limited", "Too many requests", 429,
                "The API key '" + keyName + "' has used up its '" + allowance + "' request budget; retry in "
                        + retryAfterSeconds + " s (see the Retry-After and RateLimit-* headers).")
                .with("retryAfterSeconds", retryAfterSeconds);
    }

    public static Problem circuitOpen(String upstream, long retryAfterSeconds) {
        return of("upstream-unavailable", "Service unavailable", 503,
                "The " + upstream + " service has been failing, so the gateway is not sending it requests for"
                        + " now; try again in " + retryAfterSeconds + " s.")
                .with("upstream", upstream);
    }

    public static Problem apiKeyInQuery(String parameter) {
        return of("api-key-in-query", "API key in the URL", 400,
                "Send API keys in the 'Authorization: Bearer <key>' header, never in the URL (query parameter '"
                        + parameter + "'): URLs end up in logs and browser histories, so treat that key as exposed.")
                .with("parameter", parameter);
    }

    public static Problem pathTraversal() {
        return of("path-traversal", "Path not allowed", 400,
                "The path contains '.' or '..' segments or an encoded '/' or '\\'; send the canonical path.");
    }

    public static Problem headersTooLarge(long maxBytes) {
        return of("headers-too-large", "Request headers too large", 431,
                "The request's header lines may be at most " + maxBytes + " bytes in all.")
                .with("maxBytes", maxBytes);
    }

    public static Problem originNotAllowed(String origin) {
        return of("origin-not-allowed", "Origin not allowed", 403,
                "Browser pages from " + origin + " may not call this API; ask for the origin to be added to the"
                        + " gateway's CORS allow-list.");
    }

    public static Problem internalError() {
        return of("internal-error", "Internal error", 500,
                "The gateway failed to handle this request; quote the request id when reporting it.");
    }
}
