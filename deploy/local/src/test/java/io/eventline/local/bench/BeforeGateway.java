package io.eventline.local.bench;

import io.eventline.local.StackSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second gateway beside the local stack's, from another build ({@code -Dbench.before=<quarkus-run.jar>},
 * e.g. a copy of {@code api-gateway/target/quarkus-app} taken before a change), in front of the same
 * timeline-service and with the same settings, so the benchmark compares the two builds in one run.
 */
record BeforeGateway(Process running, int port) {

    ProcessHandle process() {
        return running.toHandle();
    }

    /** Closes the gateway, if one was started. */
    record Holder(Optional<BeforeGateway> gateway) implements AutoCloseable {
        @Override
        public void close() {
            gateway.ifPresent(BeforeGateway::stop);
        }
    }

    static Holder startIfAsked(StackSettings settings, Map<String, String> gatewayEnvironment) throws Exception {
        String jar = System.getProperty("bench.before");
        if (jar == null || jar.isBlank()) {
            return new Holder(Optional.empty());
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalArgumentException("bench.before: no such file " + jar);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // As LocalStack configures its gateway (profile, upstreams, keys), on another port.
        Map<String, String> environment = new HashMap<>(Map.of("QUARKUS_PROFILE", "local",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "EVENTLINE_GATEWAY_INGEST_URL", settings.ingestUrl(),
                "EVENTLINE_GATEWAY_TIMELINE_URL", settings.timelineUrl(),
                "EVENTLINE_GATEWAY_NEWSROOM_KEY", settings.newsroomKey(),
                "EVENTLINE_GATEWAY_DASHBOARD_KEY", settings.dashboardKey()));
        environment.putAll(gatewayEnvironment);
        Path log = settings.dataDir().toAbsolutePath().resolve("logs").resolve("api-gateway-before.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.serviceHeap(), "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        BeforeGateway gateway = new BeforeGateway(builder.start(), port);
        try {
            gateway.awaitReady(log);
        } catch (RuntimeException | InterruptedException e) {
            gateway.stop();
            throw e;
        }
        System.out.printf("[bench] second gateway (before) from %s on port %d%n", jar, port);
        return new Holder(Optional.of(gateway));
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!running.isAlive()) {
                throw new IllegalStateException("the second gateway exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the second gateway was not ready within 120 s; see " + log);
    }

    private void stop() {
        running.destroy();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
