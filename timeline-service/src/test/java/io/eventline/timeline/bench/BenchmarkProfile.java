package io.eventline.timeline.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The application without its Kafka consumer: the benchmarks feed or read the database themselves. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("eventline.timeline.consumer.enabled", "false",
                "quarkus.kafka.health.enabled", "false");
    }
}
