package io.eventline.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers for the web pages the gateway serves from {@code META-INF/resources}: the timeline page at
 * {@code /} and the API browser at {@code /docs/}. The pages need no key (only their API calls do), so these
 * headers are what stands between a hostile article text and the reader: no inline script, no other origin,
 * no framing. Proxied API answers are left as the services sent them.
 */
@ApplicationScoped
public class PageHeaders {

    /** Just after the request id and screening, before Quarkus' static file handler. */
    static final int ORDER = Integer.MIN_VALUE + 110;

    /** The timeline page: its own script and style files and calls to this origin, nothing else. */
    public static final String TIMELINE_PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets inline styles and draws images from data: URLs; its scripts are the gateway's files. */
    public static final String API_BROWSER_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::addHeaders);
    }

    void addHeaders(RoutingContext rc) {
        String path = rc.normalizedPath();
        String policy = null;
        if (path.equals("/") || path.equals("/index.html") || path.startsWith("/assets/")) {
            policy = TIMELINE_PAGE_POLICY;
        } else if (path.startsWith("/docs/") || path.equals("/docs") || path.startsWith("/openapi-ui/")) {
            policy = API_BROWSER_POLICY;
        }
        if (policy != null) {
            rc.response().putHeader("Content-Security-Policy", policy)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
        }
        rc.next();
    }
}
