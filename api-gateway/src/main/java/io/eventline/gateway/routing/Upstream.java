package io.eventline.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A service behind the gateway: where it lives and how long it may take to start answering.
 *
 * @param name     short name used in logs and problem details ("ingest", "timeline")
 * @param baseUrl  where requests go; a path in it is prepended to the forwarded path
 * @param timeout  how long the service may take to send response headers before the caller gets 504
 */
public record Upstream(String name, URI baseUrl, Duration timeout) {

    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = baseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("The " + name + " upstream URL must be an absolute http(s) URL, got '"
                    + baseUrl + "'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The " + name + " upstream timeout must be positive, got " + timeout);
        }
    }

    public String host() {
        return baseUrl.getHost();
    }

    public int port() {
        if (baseUrl.getPort() != -1) {
            return baseUrl.getPort();
        }
        return ssl() ? 443 : 80;
    }

    public boolean ssl() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    /** The path to prepend to forwarded paths, without a trailing slash ("" for none). */
    public String basePath() {
        String path = baseUrl.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
