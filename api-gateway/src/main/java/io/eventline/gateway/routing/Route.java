package io.eventline.gateway.routing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.eventline.gateway.auth.Scope;
import io.vertx.core.http.HttpMethod;

/**
 * A public path family and the service that owns it.
 *
 * @param name           short name for logs
 * @param path           the path itself, e.g. {@code /api/v1/articles}
 * @param includeSubPaths whether {@code path/...} belongs to the route too
 * @param upstream       the service requests are forwarded to
 * @param readScope      scope needed for GET and HEAD; empty means any valid key will do
 * @param writeScope     scope needed for every other method; empty means any valid key will do
 * @param timeout        how long the upstream may take to send response headers, then 504
 */
public record Route(String name, String path, boolean includeSubPaths, Upstream upstream,
        Optional<Scope> readScope, Optional<Scope> writeScope, Duration timeout) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(upstream, "upstream");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The " + name + " route timeout must be positive, got " + timeout);
        }
    }

    public boolean matches(String normalizedPath) {
        if (normalizedPath.equals(path)) {
            return true;
        }
        return includeSubPaths && normalizedPath.startsWith(path) && normalizedPath.charAt(path.length()) == '/';
    }

    /** Scope the method needs on this route. Methods other than GET and HEAD count as writes, to fail closed. */
    public Optional<Scope> requiredScope(HttpMethod method) {
        return isRead(method) ? readScope : writeScope;
    }

    /**
     * What this route is called in metrics: one value for the whole path family, so ids in paths don't
     * create a time series per article or timeline.
     */
    public String metricsTemplate() {
        return includeSubPaths ? path + "/**" : path;
    }

    /** Requests that can be sent again safely: the upstream changes nothing for them (RFC 9110 section 9.2.2). */
    public static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
