package io.eventline.timeline.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The application without its Kafka consumer (the benchmarks feed or read the database themselves), with production settings. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // the production cap of the lists' total, not the tests' (application.properties, %test)
        return Map.of("eventline.timeline.consumer.enabled", "false",
                "quarkus.kafka.health.enabled", "false",
                "eventline.timeline.api.total-cap", "1000",
                "eventline.bench.server-timing", "true");
    }
}
