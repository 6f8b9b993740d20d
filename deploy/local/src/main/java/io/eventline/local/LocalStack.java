package io.eventline.local;

import io.eventline.infra.KafkaBrokerProcess;
import io.eventline.infra.PostgresServer;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The whole of Eventline on one machine: a Kafka broker process (KRaft), PostgreSQL, and the
 * three services as processes, each waited on until ready. {@code deploy/local/up} runs it; the
 * end-to-end test starts the same stack on free ports. Data lives in one directory and survives
 * a restart.
 */
public final class LocalStack implements AutoCloseable {

    static final String DATABASE = "eventline";
    static final String DATABASE_USER = "eventline";
    static final String DATABASE_PASSWORD = "eventline";
    // Generous: on a machine shared with other builds a service has taken over two minutes to start.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final PostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    private final List<ServiceProcess> services;
    private final ServiceProcess timeline;
    private final Map<String, String> timelineEnvironment;

    private LocalStack(StackSettings settings, Map<String, String> gatewayEnvironment) {
        this.settings = settings;
        Path data = settings.dataDir().toAbsolutePath();
        Path logs = data.resolve("logs");
        this.postgres = new PostgresServer(settings.postgresPort(), data.resolve("postgres"), true);
        this.kafka = new KafkaBrokerProcess(settings.kafkaPort(), settings.kafkaControllerPort(), data.resolve("kafka"), "512m");
        String kafkaBootstrap = kafka.bootstrapServers();
        Path root = settings.projectRoot();
        ServiceProcess ingest = new ServiceProcess("ingest-service", application(root, "ingest-service"),
                settings.ingestUrl(),
                Map.of("QUARKUS_HTTP_PORT", String.valueOf(settings.ingestPort()),
                        "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap),
                settings.serviceHeap(), logs);
        this.timelineEnvironment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE),
                "QUARKUS_DATASOURCE_USERNAME", DATABASE_USER,
                "QUARKUS_DATASOURCE_PASSWORD", DATABASE_PASSWORD);
        this.timeline = timelineInstance("timeline-service", settings.timelinePort());
        Map<String, String> gatewayEnv = new HashMap<>(Map.of("QUARKUS_PROFILE", "local",
                "QUARKUS_HTTP_PORT", String.valueOf(settings.gatewayPort()),
                "EVENTLINE_GATEWAY_INGEST_URL", settings.ingestUrl(),
                "EVENTLINE_GATEWAY_TIMELINE_URL", settings.timelineUrl(),
                "EVENTLINE_GATEWAY_NEWSROOM_KEY", settings.newsroomKey(),
                "EVENTLINE_GATEWAY_DASHBOARD_KEY", settings.dashboardKey()));
        gatewayEnv.putAll(gatewayEnvironment);
        ServiceProcess gateway = new ServiceProcess("api-gateway", application(root, "api-gateway"),
                settings.gatewayUrl(), gatewayEnv, settings.serviceHeap(), logs);
        this.services = List.of(ingest, timeline, gateway);
    }

    /** Starts everything and returns once every service reports ready. */
    public static LocalStack start(StackSettings settings) {
        return start(settings, Map.of());
    }

    /**
     * Starts everything, the gateway with {@code gatewayEnvironment} added to (or overriding) its usual
     * environment, e.g. other rate limits or {@code JAVA_TOOL_OPTIONS} for a profile; for benchmarks.
     */
    public static LocalStack start(StackSettings settings, Map<String, String> gatewayEnvironment) {
        LocalStack stack = new LocalStack(settings, gatewayEnvironment);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        postgres.start();
        postgres.ensureDatabase(DATABASE, DATABASE_USER, DATABASE_PASSWORD);
        kafka.start(READY_TIMEOUT);
        services.forEach(ServiceProcess::start);
        // The services start in parallel; wait for all of them.
        CompletableFuture.allOf(services.stream()
                        .map(service -> CompletableFuture.runAsync(() -> service.awaitReady(READY_TIMEOUT)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    public StackSettings settings() {
        return settings;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    // Faults, for the fault scenarios (deploy/load): each acts on one process and returns once done.

    /** Kills timeline-service with SIGKILL: no shutdown, the batch in progress is neither finished nor committed. */
    public void killTimeline() {
        timeline.kill();
    }

    /** Starts timeline-service again (same port, same consumer group) and waits until it is ready. */
    public void restartTimeline() {
        timeline.start();
        timeline.awaitReady(READY_TIMEOUT);
    }

    /**
     * Starts one more timeline-service instance on {@code httpPort}, in the same consumer group and on
     * the same database, and waits until it is ready. Closing the handle stops it with SIGTERM (it leaves
     * the group after committing its batch).
     */
    public AutoCloseable startExtraTimeline(String name, int httpPort) {
        ServiceProcess extra = timelineInstance(name, httpPort);
        extra.start();
        try {
            extra.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            extra.stop(STOP_GRACE);
            throw e;
        }
        return () -> extra.stop(STOP_GRACE);
    }

    /** Stops the Kafka broker (SIGTERM, as an orchestrator would); its data stays. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the Kafka broker again on the same ports and data. */
    public void startKafka() {
        kafka.start(READY_TIMEOUT);
    }

    /** Stops PostgreSQL (fast shutdown: open connections are cut); its data stays. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same port and data. */
    public void startPostgres() {
        postgres.start();
    }

    /** Stops the services first (so the consumer commits), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(STOP_GRACE);
        }
        kafka.stop();
        postgres.stop();
    }

    private ServiceProcess timelineInstance(String name, int httpPort) {
        Map<String, String> environment = new HashMap<>(timelineEnvironment);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        return new ServiceProcess(name, application(settings.projectRoot(), "timeline-service"),
                "http://localhost:" + httpPort, environment, settings.serviceHeap(),
                settings.dataDir().toAbsolutePath().resolve("logs"));
    }

    private static Path application(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("eventline.root", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(root, System.getenv());
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--data-dir" -> settings = settings.withDataDir(Path.of(args[++i]));
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        System.out.println("Starting Eventline (data in " + settings.dataDir().toAbsolutePath() + ") ...");
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Eventline ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.printf("%nEventline is ready in %.1f s.%n%n", (System.nanoTime() - started) / 1e9);
        System.out.println(stack.describe());
        if (demo) {
            stack.pushDemoArticles();
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private String describe() {
        return String.join("\n",
                "  gateway           " + settings.gatewayUrl() + "   (the public API: /api/v1/...)",
                "  ingest-service    " + settings.ingestUrl(),
                "  timeline-service  " + settings.timelineUrl(),
                "  kafka             " + kafka.bootstrapServers(),
                "  postgresql        " + postgres.jdbcUrl(DATABASE) + "  (user " + DATABASE_USER + ")",
                "  logs              " + settings.dataDir().toAbsolutePath().resolve("logs"),
                "",
                "  newsroom key      " + settings.newsroomKey() + "   (articles:write)",
                "  dashboard key     " + settings.dashboardKey() + "   (timelines:read)",
                "",
                "  curl -H 'Authorization: Bearer " + settings.dashboardKey() + "' " + settings.gatewayUrl() + "/api/v1/events",
                "");
    }

    private void pushDemoArticles() {
        Path seeds = DemoArticles.seedsDir(settings.projectRoot());
        List<Map<String, Object>> articles = Files.isDirectory(seeds)
                ? DemoArticles.seeds(seeds)
                : List.of(DemoArticles.sample());
        System.out.println(Files.isDirectory(seeds)
                ? "Pushing the founding articles from " + seeds + " ..."
                : "Pushing the shipped sample article (no " + seeds + " here) ...");
        for (Map<String, Object> article : articles) {
            HttpResponse<String> response = DemoArticles.push(settings.gatewayUrl(), settings.newsroomKey(), article);
            System.out.println("  " + article.get("id") + " -> " + response.statusCode() + " " + response.body());
        }
        System.out.println();
    }

    private static String usage() {
        return """
                usage: deploy/local/up [--demo] [--data-dir DIR]
                  --demo          push the founding articles (or the shipped sample) once the stack is ready
                  --data-dir DIR  where Kafka, PostgreSQL and the logs keep their data (default deploy/local/data)
                environment: EVENTLINE_GATEWAY_PORT (8080), EVENTLINE_INGEST_PORT (8081), EVENTLINE_TIMELINE_PORT (8082),
                  EVENTLINE_KAFKA_PORT (9092), EVENTLINE_KAFKA_CONTROLLER_PORT (9093), EVENTLINE_POSTGRES_PORT (15432),
                  EVENTLINE_DATA_DIR, EVENTLINE_NEWSROOM_KEY, EVENTLINE_DASHBOARD_KEY, EVENTLINE_SERVICE_HEAP (128m)""";
    }
}
