package io.eventline.timeline;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Tracing switched on as in Kubernetes, with the finished spans kept in memory ({@link Spans}) instead
 * of sent to a collector.
 */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                // finished spans reach the exporter quickly rather than every 5 s
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }

    /** The exporter Quarkus sends finished spans to (it takes every SpanExporter bean); unused while tracing is off. */
    @Singleton
    public static class Spans {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }
}
