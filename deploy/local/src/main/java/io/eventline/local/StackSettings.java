package io.eventline.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack runs: ports, data directory and keys. Every setting has a default that
 * runs on a developer machine and an environment variable that overrides it.
 */
public record StackSettings(
        Path projectRoot,
        Path dataDir,
        int gatewayPort,
        int ingestPort,
        int timelinePort,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        String newsroomKey,
        String dashboardKey,
        String serviceHeap) {

    public static final String DEFAULT_NEWSROOM_KEY = "dev-newsroom-key";
    public static final String DEFAULT_DASHBOARD_KEY = "dev-dashboard-key";
    /**
     * Each service's {@code -Xmx}. Under the load driver's 200 articles/s timeline-service's old generation
     * held about 35 MB, and a 256 MB heap only let the serial collector touch more pages before collecting:
     * its resident size is the heap plus some 200 MB of class metadata, code and native memory, so 256m put
     * timeline-service at 560 MB resident (the target is 400).
     */
    public static final String DEFAULT_SERVICE_HEAP = "160m";

    /** The settings from the environment, with the documented defaults. */
    public static StackSettings fromEnvironment(Path projectRoot, Map<String, String> env) {
        return new StackSettings(
                projectRoot,
                Path.of(env.getOrDefault("EVENTLINE_DATA_DIR", projectRoot.resolve("deploy/local/data").toString())),
                port(env, "EVENTLINE_GATEWAY_PORT", 8080),
                port(env, "EVENTLINE_INGEST_PORT", 8081),
                port(env, "EVENTLINE_TIMELINE_PORT", 8082),
                port(env, "EVENTLINE_KAFKA_PORT", 9092),
                port(env, "EVENTLINE_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "EVENTLINE_POSTGRES_PORT", 15432),
                env.getOrDefault("EVENTLINE_NEWSROOM_KEY", DEFAULT_NEWSROOM_KEY),
                env.getOrDefault("EVENTLINE_DASHBOARD_KEY", DEFAULT_DASHBOARD_KEY),
                env.getOrDefault("EVENTLINE_SERVICE_HEAP", DEFAULT_SERVICE_HEAP));
    }

    public StackSettings withDataDir(Path dir) {
        return new StackSettings(projectRoot, dir, gatewayPort, ingestPort, timelinePort, kafkaPort,
                kafkaControllerPort, postgresPort, newsroomKey, dashboardKey, serviceHeap);
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String ingestUrl() {
        return "http://localhost:" + ingestPort;
    }

    public String timelineUrl() {
        return "http://localhost:" + timelinePort;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
