package io.eventline.local.bench;

import io.eventline.local.ServiceProcess;
import io.eventline.local.StackSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A second gateway beside the local stack's, from another build ({@code -Dbench.before=<quarkus-run.jar>},
 * e.g. a copy of {@code api-gateway/target/quarkus-app} taken before a change), in front of the same
 * timeline-service and with the same settings, so the benchmark compares the two builds in one run.
 */
record BeforeGateway(ServiceProcess service, int port) {

    ProcessHandle process() {
        return service.handle().orElseThrow();
    }

    /** Stops the gateway, if one was started. */
    record Holder(Optional<BeforeGateway> gateway) implements AutoCloseable {
        @Override
        public void close() {
            gateway.ifPresent(before -> before.service().stop(Duration.ofSeconds(30)));
        }
    }

    static Holder startIfAsked(StackSettings settings, Map<String, String> gatewayEnvironment) throws IOException {
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
        ServiceProcess service = new ServiceProcess("api-gateway-before", Path.of(jar), "http://localhost:" + port,
                environment, settings.serviceHeap(), settings.dataDir().toAbsolutePath().resolve("logs"));
        Holder holder = new Holder(Optional.of(new BeforeGateway(service, port)));
        try {
            service.start();
            service.awaitReady(Duration.ofSeconds(240));
        } catch (RuntimeException e) {
            holder.close();
            throw e;
        }
        System.out.printf("[bench] second gateway (before) from %s on port %d%n", jar, port);
        return holder;
    }
}
