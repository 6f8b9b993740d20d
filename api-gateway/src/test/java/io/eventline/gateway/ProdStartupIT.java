package io.eventline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged gateway the way it is deployed ({@code java -jar}, prod profile unless told otherwise)
 * and checks that it refuses to start with unsafe keys, and starts with safe ones.
 */
class ProdStartupIT {

    private static final Path JAR = Path.of(System.getProperty("gateway.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopGateways() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void prodRefusesToStartWithoutKeysAndSaysWhichSettingToSet() throws Exception {
        Gateway gateway = launch(Map.of());

        assertThat(gateway.exitCode()).isNotZero();
        assertThat(gateway.output())
                .contains("refuses to start")
                .contains("EVENTLINE_GATEWAY_KEYS_FILE");
    }

    @Test
    void prodRefusesToStartWithTheDocumentedDevelopmentKeys() throws Exception {
        Gateway gateway = launch(Map.of("EVENTLINE_GATEWAY_KEYS_FILE",
                keysFile(sha256("dev-newsroom-key"), sha256("dev-dashboard-key")).toString()));

        assertThat(gateway.exitCode()).isNotZero();
        assertThat(gateway.output()).contains("refuses to start").contains("publicly documented");
    }

    @Test
    void prodRefusesPlainKeysInTheEnvironment() throws Exception {
        Gateway gateway = launch(Map.of(
                "EVENTLINE_GATEWAY_KEYS_FILE", keysFile(sha256("n-5f0c8e2b7a41"), sha256("d-93be1c7d0f62")).toString(),
                "EVENTLINE_GATEWAY_NEWSROOM_KEY", "n-5f0c8e2b7a41"));

        assertThat(gateway.exitCode()).isNotZero();
        assertThat(gateway.output()).contains("refuses to start").contains("EVENTLINE_GATEWAY_NEWSROOM_KEY")
                .doesNotContain("n-5f0c8e2b7a41");
    }

    @Test
    void prodStartsWithAKeysFileAcceptsOnlyItsKeysAndNeverLogsAKey() throws Exception {
        Gateway gateway = launch(Map.of("EVENTLINE_GATEWAY_KEYS_FILE",
                keysFile(sha256("n-5f0c8e2b7a41"), sha256("d-93be1c7d0f62")).toString()));

        gateway.awaitReady();
        // No upstream runs here, so a request that gets past the key check ends in 503.
        assertThat(gateway.post("/api/v1/articles", "n-5f0c8e2b7a41")).isEqualTo(503);
        assertThat(gateway.post("/api/v1/articles", "d-93be1c7d0f62")).isEqualTo(403);
        assertThat(gateway.post("/api/v1/articles", "dev-newsroom-key")).isEqualTo(401);
        assertThat(gateway.post("/api/v1/articles", "guessed-key-1234")).isEqualTo(401);

        assertThat(gateway.output()).doesNotContain("n-5f0c8e2b7a41", "d-93be1c7d0f62", "guessed-key-1234");
    }

    @Test
    void prodStartsWithTheKeysDocumentInAnEnvironmentVariable() throws Exception {
        Gateway gateway = launch(Map.of("EVENTLINE_GATEWAY_KEYS", keysDocument(sha256("n-77d1"), sha256("d-9e02"))));

        gateway.awaitReady();
        assertThat(gateway.post("/api/v1/articles", "n-77d1")).isEqualTo(503);
        assertThat(gateway.post("/api/v1/articles", "n-77d2")).isEqualTo(401);
    }

    @Test
    void localProfileRunsWithTheDocumentedKeysAndThePlainKeysTheLocalStackPasses() throws Exception {
        Gateway gateway = launch(Map.of("QUARKUS_PROFILE", "local",
                "EVENTLINE_GATEWAY_NEWSROOM_KEY", "local-newsroom-1"));

        gateway.awaitReady();
        assertThat(gateway.post("/api/v1/articles", "dev-newsroom-key")).isEqualTo(503);
        assertThat(gateway.post("/api/v1/articles", "local-newsroom-1")).isEqualTo(503);
    }

    private static String keysDocument(String newsroomDigest, String dashboardDigest) {
        return """
                keys:
                  - name: newsroom
                    scopes: ["articles:write"]
                    sha256: ["%s"]
                  - name: dashboard
                    scopes: ["timelines:read", "timelines:write"]
                    sha256: ["%s"]
                """.formatted(newsroomDigest, dashboardDigest);
    }

    private static Path keysFile(String newsroomDigest, String dashboardDigest) throws IOException {
        Path file = Files.createTempFile("api-keys-", ".yaml");
        return Files.writeString(file, keysDocument(newsroomDigest, dashboardDigest));
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private Gateway launch(Map<String, String> env) throws IOException {
        assertThat(JAR).as("packaged gateway (run 'verify', not just 'test')").exists();
        int port = freePort();
        Path log = Files.createTempFile("gateway-", ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Start from a clean slate: nothing from the build's environment decides the outcome.
        builder.environment().keySet().removeIf(name -> name.startsWith("EVENTLINE_") || name.startsWith("QUARKUS_"));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Upstreams that certainly aren't running.
        builder.environment().put("EVENTLINE_GATEWAY_INGEST_URL", "http://127.0.0.1:" + freePort());
        builder.environment().put("EVENTLINE_GATEWAY_TIMELINE_URL", "http://127.0.0.1:" + freePort());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return new Gateway(process, port, log);
    }

    private record Gateway(Process process, int port, Path log) {

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS))
                    .as("gateway should have exited; output:%n%s", output()).isTrue();
            return process.exitValue();
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("gateway died; output:%n%s", output()).isTrue();
                try {
                    if (get("/q/health/ready") == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // keep polling
                }
                Thread.sleep(200);
            }
            throw new AssertionError("gateway not ready within " + STARTUP + "; output:\n" + output());
        }

        int get(String path) throws IOException, InterruptedException {
            return client().send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }

        int post(String path, String key) throws IOException, InterruptedException {
            return client().send(HttpRequest.newBuilder(uri(path))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private static HttpClient client() {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
