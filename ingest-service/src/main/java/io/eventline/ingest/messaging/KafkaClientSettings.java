package io.eventline.ingest.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kafka.*} configuration Quarkus collects (bootstrap servers, security, ...) narrowed
 * to the keys one kind of Kafka client knows, so clients don't warn about each other's settings.
 */
final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    static Map<String, Object> forClient(Map<String, Object> kafkaConfig, Set<String> knownKeys) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (knownKeys.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
