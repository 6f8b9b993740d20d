package io.eventline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.eventline.infra.Ports.free;

/**
 * One local stack (Kafka, PostgreSQL, the three services) for all the end-to-end test classes of a run:
 * started by the first class that asks, stopped when the test JVM exits. Starting it is the slow part.
 */
public final class SharedStack {

    private static LocalStack stack;

    private SharedStack() {
    }

    /** Settings for a stack of its own: every port free, data in a new temporary directory. */
    public static StackSettings onFreePorts(String dataDirPrefix) throws IOException {
        Path root = Path.of(System.getProperty("eventline.root", "../..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>();
        env.put("EVENTLINE_DATA_DIR", Files.createTempDirectory(dataDirPrefix).toString());
        env.put("EVENTLINE_GATEWAY_PORT", String.valueOf(free()));
        env.put("EVENTLINE_INGEST_PORT", String.valueOf(free()));
        env.put("EVENTLINE_TIMELINE_PORT", String.valueOf(free()));
        env.put("EVENTLINE_KAFKA_PORT", String.valueOf(free()));
        env.put("EVENTLINE_KAFKA_CONTROLLER_PORT", String.valueOf(free()));
        env.put("EVENTLINE_POSTGRES_PORT", String.valueOf(free()));
        return StackSettings.fromEnvironment(root, env);
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                StackSettings settings = onFreePorts("eventline-e2e");
                long started = System.nanoTime();
                // The hostile-input suite and the fuzz run send hundreds of requests with the two keys: buckets
                // drained by them would turn the other classes' requests into 429s. Rate limits are the
                // gateway's own tests' subject (RateLimitTest), not the whole stack's.
                LocalStack stackStarted = LocalStack.start(settings, Map.of("EVENTLINE_GATEWAY_RATE_LIMIT_ENABLED", "false"));
                System.out.printf("[e2e] local stack ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
                stack = stackStarted;
                Runtime.getRuntime().addShutdownHook(new Thread(stackStarted::close, "local-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }
}
