package io.eventline.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the gateway can be told from outside. Each property can be overridden by the matching
 * environment variable, e.g. {@code eventline.gateway.ingest-url} by {@code EVENTLINE_GATEWAY_INGEST_URL}.
 */
@ConfigMapping(prefix = "eventline.gateway")
public interface GatewayConfig {

    /** Base URL of ingest-service (articles and extraction). */
    @WithDefault("http://localhost:8081")
    URI ingestUrl();

    /** Base URL of timeline-service (events and timelines). */
    @WithDefault("http://localhost:8082")
    URI timelineUrl();

    /** How long ingest-service may take to start answering before the caller gets 504. */
    @WithDefault("10s")
    Duration ingestTimeout();

    /** How long timeline-service may take to start answering before the caller gets 504. */
    @WithDefault("10s")
    Duration timelineTimeout();

    /**
     * How long to wait for a connection to an upstream. Kept short because a caller should learn
     * quickly (503) that a service is down rather than hang for the OS default of a minute or more.
     */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept per upstream; requests beyond this wait for a free one (bounded by the connect timeout). */
    @WithDefault("64")
    int connectionsPerUpstream();

    /** Largest request body the gateway forwards; anything bigger gets 413. */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /**
     * Extra time allowed per route, overriding its upstream's timeout (e.g. extraction of a long text takes
     * longer than reading a timeline).
     */
    RouteTimeouts routeTimeout();

    /**
     * How long an upstream connection may stay silent once the response has started (a paused stream),
     * before it is closed. Server-sent event streams must send something (a comment line) more often.
     */
    @WithDefault("60s")
    Duration upstreamIdleTimeout();

    /**
     * How long an unused connection stays in an upstream's pool. Must be shorter than the idle timeout of the
     * upstream and of anything between (Quarkus' {@code quarkus.http.idle-timeout} is 30 min; load balancers and
     * sidecars often close after 60 s), so that the gateway closes an idle connection before the other end
     * does: a request sent on a connection the upstream is closing at that moment is lost.
     */
    @WithDefault("15s")
    Duration upstreamKeepAliveTimeout();

    /** Largest total size of a request's header lines; bigger gets 431. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /**
     * Path of the keys file (YAML or JSON with names, scopes and SHA-256 digests, see
     * {@code ApiKeysDocument}). Re-read whenever its content changes, so keys rotate without a restart.
     */
    Optional<Path> keysFile();

    /**
     * The keys document itself, for platforms that hand secrets over as environment variables. Read once at
     * startup; use {@link #keysFile()} to rotate without a restart. Ignored when a keys file is set.
     */
    Optional<String> keys();

    /** How often the keys file is checked for changes. */
    @WithDefault("10s")
    Duration keysReloadInterval();

    /**
     * A plain newsroom key, accepted in the dev, test and local profiles only (the local stack passes its
     * keys this way). Production refuses to start when it is set: keys are configured as digests there.
     */
    Optional<String> newsroomKey();

    /** A plain dashboard key; dev, test and local profiles only, like {@link #newsroomKey()}. */
    Optional<String> dashboardKey();

    RateLimits rateLimit();

    Resilience resilience();

    Cors cors();

    OpenApi openapi();

    Coalescing coalescing();

    /** Per-route timeouts; a route without one uses its upstream's. */
    interface RouteTimeouts {
        Optional<Duration> articles();

        Optional<Duration> extract();

        Optional<Duration> events();

        Optional<Duration> timelines();
    }

    /**
     * Token buckets per key and scope. A request draws from the bucket of the scope its route and method
     * need ({@code any-key} for routes any valid key may call).
     */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /**
         * What a conditional request answered with 304 costs, as a fraction of a full request: the upstream
         * did little work and sent no body, so pollers that revalidate are not punished for polling.
         */
        @WithDefault("0.25")
        double notModifiedCost();

        Limit anyKey();

        Limit articlesWrite();

        Limit timelinesRead();

        Limit timelinesWrite();
    }

    /** A sustained rate of {@code requests} per {@code period}, with bursts of up to {@code burst} requests. */
    interface Limit {
        int requests();

        Duration period();

        int burst();
    }

    interface Resilience {
        /**
         * How often a GET or HEAD is tried again after its upstream connection failed before any answer
         * (refused, reset). Other methods are never retried: the upstream may have acted on them.
         */
        @WithDefault("2")
        int retries();

        /** Pause before each retry. */
        @WithDefault("100ms")
        Duration retryDelay();

        CircuitBreaker circuitBreaker();
    }

    /**
     * One breaker per upstream. Failures are exchanges that got no answer (connection refused or broken,
     * timeout); any HTTP answer, 5xx included, counts as a success, since the service is alive and says so.
     */
    interface CircuitBreaker {
        /** How many recent exchanges the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolume();

        /** Share of failures among them that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open (callers get 503 at once) before letting trial requests through. */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial requests needed to close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    interface Cors {
        /**
         * Origins of browser dashboards allowed to call the API (exact {@code scheme://host[:port]}). Empty:
         * no cross-origin access.
         */
        Optional<List<String>> origins();

        /** How long a browser may cache a preflight answer. */
        @WithDefault("10m")
        Duration maxAge();
    }

    /** The public API description the gateway gathers from the services (see {@code openapi.PublicApiDocument}). */
    interface OpenApi {
        /** How long a service's document is reused before it is fetched again. */
        @WithDefault("1m")
        Duration cacheTtl();

        /** How long a service may take to hand over its document; then the last one known is served, marked. */
        @WithDefault("3s")
        Duration fetchTimeout();
    }

    /**
     * Request collapsing of revalidations (see {@code routing.InFlightRevalidations}): a conditional GET or
     * HEAD identical to one in flight to the upstream waits for that one's answer and shares it if it is a 304.
     */
    interface Coalescing {
        @WithDefault("true")
        boolean enabled();

        /** Most requests waiting on one upstream request; more go to the upstream themselves. */
        @WithDefault("1000")
        int maxWaiters();
    }
}
