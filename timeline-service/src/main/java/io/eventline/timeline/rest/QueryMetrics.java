package io.eventline.timeline.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The latency of the timeline reads, {@code timeline_query_seconds{endpoint}}: registered at start, so
 * the series exist (at 0) before the first read, for dashboards and alerts.
 */
@ApplicationScoped
@Startup
public class QueryMetrics {

    private final Timer events;
    private final Timer event;

    QueryMetrics(MeterRegistry registry) {
        this.events = timer(registry, "events");
        this.event = timer(registry, "event");
    }

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

    private static Response timed(Timer timer, Supplier<Response> read) {
        Timer.Sample sample = Timer.start();
        try {
            return read.get();
        } finally {
            sample.stop(timer);
        }
    }
}
