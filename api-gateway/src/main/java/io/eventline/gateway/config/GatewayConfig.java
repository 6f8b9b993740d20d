package io.eventline.gateway.config;

import java.net.URI;
import java.time.Duration;
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
     * API key of the newsroom client (scope {@code articles:write}). No default in prod: the gateway
     * refuses to start without it.
     */
    Optional<String> newsroomKey();

    /**
     * API key of the dashboard client (scopes {@code timelines:read}, {@code timelines:write}). No default
     * in prod: the gateway refuses to start without it.
     */
    Optional<String> dashboardKey();
}
