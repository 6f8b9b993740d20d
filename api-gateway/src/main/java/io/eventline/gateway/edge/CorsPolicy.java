package io.eventline.gateway.edge;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.eventline.gateway.config.GatewayConfig;
import io.eventline.gateway.problem.Problem;
import io.eventline.gateway.problem.ProblemResponses;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for browser dashboards on other origins. Preflights are answered here, without a key (browsers
 * never send credentials on a preflight) and without reaching a service. Responses to allowed origins,
 * refusals included, carry {@code Access-Control-Allow-Origin}, so a dashboard can read a 401 or 429
 * problem instead of seeing an opaque network error.
 * <p>
 * Keys travel in the Authorization header and the API sets no cookies, so credentials mode is never
 * needed and {@code Access-Control-Allow-Credentials} is never sent.
 */
// Created at startup, so bad settings stop the process at once and its metrics exist from the start.
@Startup
@ApplicationScoped
public class CorsPolicy {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-None-Match, If-Modified-Since, X-Request-Id";
    /** What a page may read beyond the CORS-safelisted headers: revalidation, paging, ids and limits. */
    static final String EXPOSED_HEADERS = "ETag, Link, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining,"
            + " RateLimit-Reset, X-Request-Id";

    private final Set<String> origins;
    private final String maxAgeSeconds;

    @Inject
    public CorsPolicy(GatewayConfig config) {
        this.origins = Set.copyOf(config.cors().origins().orElse(List.of()));
        this.maxAgeSeconds = Long.toString(config.cors().maxAge().toSeconds());
        for (String origin : origins) {
            if (origin.equals("*") || origin.endsWith("/")) {
                throw new IllegalArgumentException("eventline.gateway.cors.origins takes exact origins such as"
                        + " https://dashboard.example.com (no '*', no trailing '/'), got '" + origin + "'");
            }
        }
    }

    public void handle(RoutingContext rc) {
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        boolean preflight = rc.request().method() == HttpMethod.OPTIONS
                && rc.request().headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (origin == null) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response();
        // The answer depends on the Origin header, so shared caches must keep one copy per origin.
        response.headers().add(HttpHeaders.VARY, "Origin");
        boolean allowed = origins.contains(origin);
        if (allowed) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        if (!preflight) {
            // Not refused: the browser withholds the answer from a page of another origin by itself, and
            // non-browser clients can send any Origin they like anyway.
            rc.next();
            return;
        }
        if (!allowed) {
            Log.infof("Refused a CORS preflight from origin %s for %s", origin, rc.normalizedPath());
            ProblemResponses.send(rc, Problem.originNotAllowed(origin));
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAgeSeconds);
        response.setStatusCode(204).end();
    }
}
