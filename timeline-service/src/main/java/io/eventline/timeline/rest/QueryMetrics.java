package io.eventline.timeline.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The latency of the timeline reads, {@code timeline_query_seconds{endpoint}}: registered at start, so
 * the series exist (at 0) before the first read, for dashboards and alerts.
 */
@ApplicationScoped
@Startup
public class QueryMetrics {

    private final Timer events;
    private final Timer event;
    /** The saved timelines' endpoints, by the {@code endpoint} tag: see {@link #timelines}. */
    private final Map<String, Timer> timelines;

    QueryMetrics(MeterRegistry registry) {
        this.events = timer(registry, "events");
        this.event = timer(registry, "event");
        this.timelines = Stream.of(TIMELINE_ENDPOINTS).collect(Collectors.toUnmodifiableMap(e -> e, e -> timer(registry, e)));
    }

    /** {@code timelines}: list and create; {@code timeline}: one, read, replaced or deleted; then its events, changes, stream. */
    static final String[] TIMELINE_ENDPOINTS = {"timelines", "timeline", "timeline-events", "timeline-changes", "timeline-stream"};

    private static Timer timer(MeterRegistry registry, String endpoint) {
        return Timer.builder("timeline.query")
                .description("Time to answer a timeline read (304s and rejected requests included)")
                .tag("endpoint", endpoint)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Times a read of the list of events. */
    Response events(Supplier<Response> read) {
        return timed(events, read);
    }

    /** Times a read of one event. */
    Response event(Supplier<Response> read) {
        return timed(event, read);
    }

    /** Times a request to a saved timelines endpoint, one of {@link #TIMELINE_ENDPOINTS}. */
    Response timelines(String endpoint, Supplier<Response> read) {
        return timed(timelines.get(endpoint), read);
    }

    private static Response timed(Timer timer, Supplier<Response> read) {
        Timer.Sample sample = Timer.start();
        try {
            return read.get();
        } finally {
            sample.stop(timer);
        }
    }
}
