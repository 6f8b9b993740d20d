package io.eventline.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.eventline.gateway.auth.Scope;
import io.eventline.gateway.config.GatewayConfig;

/** Which service owns which public path, and what a caller must be allowed to do there. */
@ApplicationScoped
public class RouteTable {

    /** Metrics name for /api paths no route owns, so probing random paths adds no time series. */
    public static final String UNROUTED_METRICS_TEMPLATE = "/api/**";

    /** Route timeouts given in code rather than configuration (a record's accessors implement the interface). */
    record Timeouts(Optional<Duration> articles, Optional<Duration> extract, Optional<Duration> events,
            Optional<Duration> timelines) implements GatewayConfig.RouteTimeouts {
    }

    private static final Timeouts NO_OVERRIDES = new Timeouts(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    private final List<Route> routes;

    @Inject
    public RouteTable(GatewayConfig config) {
        this(new Upstream("ingest", config.ingestUrl(), config.ingestTimeout()),
                new Upstream("timeline", config.timelineUrl(), config.timelineTimeout()), config.routeTimeout());
    }

    /** The routes with their upstreams' timeouts. */
    public RouteTable(Upstream ingest, Upstream timeline) {
        this(ingest, timeline, NO_OVERRIDES);
    }

    RouteTable(Upstream ingest, Upstream timeline, GatewayConfig.RouteTimeouts overrides) {
        this.routes = List.of(
                // Reading an article back (e.g. the status behind a 202's Location) needs no extra scope,
                // so the newsroom key, which only has articles:write, can follow up on what it posted.
                new Route("articles", "/api/v1/articles", true, ingest, Optional.empty(), Optional.of(Scope.ARTICLES_WRITE),
                        timeout(ingest, overrides.articles())),
                new Route("extract", "/api/v1/extract", false, ingest, Optional.empty(), Optional.empty(),
                        timeout(ingest, overrides.extract())),
                // Events are a view of timelines, so they are guarded by the timeline scopes.
                new Route("events", "/api/v1/events", true, timeline, Optional.of(Scope.TIMELINES_READ),
                        Optional.of(Scope.TIMELINES_WRITE), timeout(timeline, overrides.events())),
                new Route("timelines", "/api/v1/timelines", true, timeline, Optional.of(Scope.TIMELINES_READ),
                        Optional.of(Scope.TIMELINES_WRITE), timeout(timeline, overrides.timelines())));
    }

    private static Duration timeout(Upstream upstream, Optional<Duration> override) {
        return override.orElse(upstream.timeout());
    }

    /** The services behind the routes, each once. */
    public List<Upstream> upstreams() {
        return routes.stream().map(Route::upstream).distinct().toList();
    }

    public Optional<Route> match(String normalizedPath) {
        for (Route route : routes) {
            if (route.matches(normalizedPath)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }
}
