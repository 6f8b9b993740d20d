package io.eventline.ingest.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Counts what happened to each submitted article and retraction, as the client saw it: accepted
 * (2xx, published), rejected (4xx, the client's mistake) or failed (5xx, Kafka unavailable).
 * Counted from the response, so a rejection by validation or by the body size limit is counted
 * like any other.
 */
@Singleton
public class OutcomeMetrics {

    private final MeterRegistry registry;

    @Inject
    public OutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    public void count(SimpleResourceInfo resource, ContainerResponseContext response) {
        if (resource == null || resource.getResourceClass() != ArticleResource.class) {
            return;
        }
        String name = switch (resource.getMethodName()) {
            case "submit" -> "eventline.ingest.articles";
            case "retract" -> "eventline.ingest.retractions";
            default -> null;
        };
        if (name != null) {
            Counter.builder(name)
                    .description("Articles (or retractions) by outcome: accepted, rejected, failed")
                    .tag("outcome", outcome(response.getStatus()))
                    .register(registry)
                    .increment();
        }
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "accepted";
        }
        return status < 500 ? "rejected" : "failed";
    }
}
