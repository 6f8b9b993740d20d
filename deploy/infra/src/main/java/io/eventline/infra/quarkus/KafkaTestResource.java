package io.eventline.infra.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: sets {@code kafka.bootstrap.servers}.
 * See {@link Infrastructure} for where the broker comes from.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** The bootstrap servers of the tests' broker (starts it if needed), for test clients. */
    public static String bootstrapServers() {
        return Infrastructure.kafka();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", Infrastructure.kafka());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped by a shutdown hook
    }
}
