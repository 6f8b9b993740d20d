package io.eventline.local;

import java.nio.file.Path;
import java.util.List;
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
     * Each service's {@code -Xmx}. The serial collector touches every page of its old generation before a full
     * collection, so the heap counts whole in the resident size (timeline-service's 128 MB heap: 127 MB
     * resident). Under the load driver the live data after full collections was 49-60 MB in timeline-service,
     * 11-22 MB in ingest-service and about 10 MB in the gateway (deploy/load/README.md, "Memory"); 160m gave
     * timeline-service 32 MB more resident for the same collector CPU (1.3 s against 1.4 s in 90 s of load),
     * 256m 560 MB in all (the target is 400).
     */
    public static final String DEFAULT_SERVICE_HEAP = "128m";
    /**
     * Each service's JVM options besides the heap (deploy/k8s/base/config.yaml sets the same in
     * JAVA_TOOL_OPTIONS). The serial collector: the JVM's own choice on one or two cores, named so that
     * it stays so. {@code TrimNativeHeapInterval}: every 5 s the JVM hands the memory glibc keeps after
     * {@code free} back to the system (the JIT compiler's arenas, freed after each compilation, and
     * threads' buffers): 15-25 MB of each service's resident size under the load driver
     * (deploy/load/README.md, "Memory").
     * {@code jdk.nio.maxCachedBufferSize}: the JDK keeps, per thread, a direct copy of the largest
     * buffer a socket read or write went through; the Kafka clients read whole fetch responses (megabytes)
     * through one, so without a cap a consumer thread holds a multi-megabyte native buffer for good.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:TrimNativeHeapInterval=5000",
            "-Djdk.nio.maxCachedBufferSize=262144");

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
