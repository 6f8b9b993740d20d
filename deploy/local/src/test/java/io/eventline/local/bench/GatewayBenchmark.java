package io.eventline.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.local.DemoArticles;
import io.eventline.local.LocalStack;
import io.eventline.local.SharedStack;
import io.eventline.local.StackSettings;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Item 10 of issue 5: what the gateway costs a dashboard that revalidates. Starts the local stack (Kafka,
 * PostgreSQL, the three services as processes) on free ports, pushes the founding articles, saves a timeline,
 * then lets {@code bench.pollers} concurrent pollers revalidate its first page ({@code If-None-Match}, so the
 * answer is a 304) in a closed loop, alternately through the gateway and straight to timeline-service, for
 * the same time each, after a warm-up of each. Prints throughput, latency percentiles and the 304 share of
 * each phase, the CPU every process used (the generator shares the machine's cores with the services), and
 * the gateway-to-direct ratios over the measured rounds.
 *
 * <p>The generator is one Vert.x event loop (one thread) with a connection per poller and target: a poller
 * sends its next request as soon as its previous answer has ended.
 *
 * <pre>
 * ./mvnw -B -o -pl deploy/local test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.local.bench.GatewayBenchmark"
 * # options before -cp: -Dbench.pollers=200 -Dbench.seconds=20 -Dbench.warmup=10 -Dbench.warmupRequests=20000 -Dbench.rounds=3
 * #   -Dbench.jfr=/tmp/gateway.jfr (a JFR profile of the gateway over the whole run)
 * #   -Dbench.keepData=true (keep the stack's data directory and the services' logs)
 * </pre>
 */
public final class GatewayBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.net.http.HttpClient SETUP = java.net.http.HttpClient.newHttpClient();

    private final int pollers = Integer.getInteger("bench.pollers", 200);
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 10);
    private final int rounds = Integer.getInteger("bench.rounds", 3);

    private final StackSettings settings;
    private final Processes processes;
    private final Vertx vertx;
    private final HttpClient client;
    private final String key;
    private String path;
    private String etag;

    private GatewayBenchmark(LocalStack stack) {
        this.settings = stack.settings();
        this.key = settings.dashboardKey();
        this.processes = Processes.of(settings);
        // One event loop: the generator uses at most one core, and all poller state lives on that thread.
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(pollers).setMaxWaitQueueSize(-1));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> gatewayEnvironment = new HashMap<>();
        // The dashboard key's read bucket would refuse all but ~80 revalidations a second: make it large
        // enough never to refuse, so the limiter still runs on every request but never answers 429.
        gatewayEnvironment.put("EVENTLINE_GATEWAY_RATE_LIMIT_TIMELINES_READ_REQUESTS", "1000000");
        gatewayEnvironment.put("EVENTLINE_GATEWAY_RATE_LIMIT_TIMELINES_READ_PERIOD", "1s");
        gatewayEnvironment.put("EVENTLINE_GATEWAY_RATE_LIMIT_TIMELINES_READ_BURST", "1000000");
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null && !jfr.isBlank()) {
            gatewayEnvironment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        StackSettings settings = SharedStack.onFreePorts("eventline-gateway-bench");
        System.out.printf("[bench] starting the local stack in %s ...%n", settings.dataDir());
        try (LocalStack stack = LocalStack.start(settings, gatewayEnvironment)) {
            GatewayBenchmark benchmark = new GatewayBenchmark(stack);
            try {
                benchmark.run();
            } finally {
                benchmark.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
        if (jfr != null && !jfr.isBlank()) {
            System.out.println("[bench] gateway profile: " + jfr);
        }
        if (Boolean.getBoolean("bench.keepData")) {
            System.out.println("[bench] data and logs kept in " + settings.dataDir());
        } else {
            deleteTree(settings.dataDir());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void run() throws Exception {
        prepareTimeline();
        Target gateway = new Target("gateway", settings.gatewayPort());
        Target direct = new Target("direct", settings.timelinePort());
        System.out.printf("[bench] %d pollers, If-None-Match on GET %s, %d s warm-up per target, %d rounds of %d s per target%n",
                pollers, path, warmupSeconds, rounds, seconds);
        System.out.printf("[bench] machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), Processes.loadAverage());
        System.out.println(PhaseResult.HEADER);
        warmUp(gateway);
        warmUp(direct);
        List<PhaseResult> viaGateway = new ArrayList<>();
        List<PhaseResult> straight = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Alternate which goes first, so a drift in the machine's load does not favour one side.
            List<Target> order = round % 2 == 1 ? List.of(gateway, direct) : List.of(direct, gateway);
            for (Target target : order) {
                PhaseResult result = measure(target, seconds, "round " + round);
                System.out.println(result.line());
                (target == gateway ? viaGateway : straight).add(result);
            }
        }
        summarize(viaGateway, straight);
        printGatewayCounters();
    }

    /**
     * At least {@code bench.warmup} seconds and {@code bench.warmupRequests} requests (the JIT compilers need
     * requests, not seconds: on a busy machine a few seconds are a few hundred requests), at most 10 phases.
     */
    private void warmUp(Target target) throws Exception {
        int minimum = Integer.getInteger("bench.warmupRequests", 20_000);
        long requests = 0;
        for (int phase = 0; phase < 10 && requests < minimum; phase++) {
            PhaseResult result = measure(target, warmupSeconds, "warm-up");
            System.out.println(result.line());
            requests += result.outcomes().values().stream().mapToLong(Integer::longValue).sum();
        }
    }

    // ---- setup -------------------------------------------------------------------------------------------

    /** Pushes the founding articles (or the sample), saves a timeline of everything, and gets its ETag. */
    private void prepareTimeline() throws Exception {
        Path seeds = DemoArticles.seedsDir(settings.projectRoot());
        List<Map<String, Object>> articles = Files.isDirectory(seeds) ? DemoArticles.seeds(seeds) : List.of(DemoArticles.sample());
        for (Map<String, Object> article : articles) {
            HttpResponse<String> pushed = DemoArticles.push(settings.gatewayUrl(), settings.newsroomKey(), article);
            if (pushed.statusCode() != 202) {
                throw new IllegalStateException("push of " + article.get("id") + " answered " + pushed.statusCode() + " " + pushed.body());
            }
        }
        long total = awaitStableEventCount();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/v1/timelines"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Gateway benchmark: every event\"}")));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not save a timeline: " + created.statusCode() + " " + created.body());
        }
        path = "/api/v1/timelines/" + JSON.readTree(created.body()).get("id").asText() + "/events";
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path)));
        etag = page.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag on " + path));
        System.out.printf("[bench] %d articles pushed, %d events; saved timeline page %s: %d bytes, ETag %s%n",
                articles.size(), total, path, page.body().length(), etag);
    }

    /** The consumer applies the articles in the background: waits until the event count stops moving. */
    private long awaitStableEventCount() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long last = -1;
        int stableFor = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/v1/events?limit=1")));
            long total = response.statusCode() == 200 ? JSON.readTree(response.body()).get("total").asLong() : -1;
            stableFor = total > 0 && total == last ? stableFor + 1 : 0;
            if (stableFor >= 5) {
                return total;
            }
            last = total;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the pushed articles were not applied within 120 s");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return SETUP.send(request.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- the load ----------------------------------------------------------------------------------------

    private record Target(String name, int port) {
    }

    /** What one phase saw; touched only on the generator's event loop. */
    private static final class Tally {
        final long endNanos;
        long[] notModifiedNanos = new long[1 << 16];
        int notModified;
        long others;
        final Map<String, Integer> outcomes = new TreeMap<>();
        int running;
        final Promise<Void> done = Promise.promise();

        Tally(long endNanos) {
            this.endNanos = endNanos;
        }

        void record(String outcome, long nanos) {
            if (outcome.equals("304")) {
                if (notModified == notModifiedNanos.length) {
                    notModifiedNanos = Arrays.copyOf(notModifiedNanos, notModifiedNanos.length * 2);
                }
                notModifiedNanos[notModified++] = nanos;
            } else {
                others++;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
    }

    private PhaseResult measure(Target target, int phaseSeconds, String label) throws Exception {
        Processes.Sample before = processes.sample();
        long start = System.nanoTime();
        Tally tally = new Tally(start + TimeUnit.SECONDS.toNanos(phaseSeconds));
        vertx.runOnContext(ignored -> {
            tally.running = pollers;
            for (int i = 0; i < pollers; i++) {
                poll(target, tally);
            }
        });
        tally.done.future().toCompletionStage().toCompletableFuture().get(phaseSeconds + 60L, TimeUnit.SECONDS);
        Processes.Sample after = processes.sample();
        return PhaseResult.of(target.name(), label, tally, TimeUnit.SECONDS.toNanos(phaseSeconds), before, after);
    }

    /** One poller: revalidate, and again as soon as the answer has ended, until the phase is over. */
    private void poll(Target target, Tally tally) {
        long sent = System.nanoTime();
        if (sent >= tally.endNanos) {
            if (--tally.running == 0) {
                tally.done.complete();
            }
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(target.port())
                .setURI(path).setTimeout(30_000)
                .putHeader("Authorization", "Bearer " + key)
                .putHeader("Accept", "application/json")
                .putHeader("If-None-Match", etag);
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.end().map(ignored -> response))
                .onComplete(outcome -> {
                    long ended = System.nanoTime();
                    // Answers that end after the phase are not counted: the phase's time is what throughput is over.
                    if (ended <= tally.endNanos) {
                        tally.record(outcome.succeeded() ? status(outcome.result()) : outcome.cause().getClass().getSimpleName(),
                                ended - sent);
                    }
                    poll(target, tally);
                });
    }

    private String status(HttpClientResponse response) {
        if (response.statusCode() == 200 && response.getHeader("ETag") != null) {
            // The timeline changed (nothing should change it during the run): revalidate the new page from now on.
            etag = response.getHeader("ETag");
        }
        return Integer.toString(response.statusCode());
    }

    // ---- results -----------------------------------------------------------------------------------------

    private record PhaseResult(String target, String label, double perSecond, double notModifiedShare, double p50, double p95,
            double p99, double max, Map<String, Integer> outcomes, Processes.Usage usage) {

        static final String HEADER = String.format("%-8s %-8s %9s %6s %7s %7s %7s %7s  %s",
                "target", "phase", "req/s", "304 %", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU (share of one core) and answers");

        static PhaseResult of(String target, String label, Tally tally, long phaseNanos, Processes.Sample before, Processes.Sample after) {
            long[] latencies = Arrays.copyOf(tally.notModifiedNanos, tally.notModified);
            Arrays.sort(latencies);
            long requests = tally.notModified + tally.others;
            double perSecond = requests / (phaseNanos / 1e9);
            return new PhaseResult(target, label, perSecond, requests == 0 ? 0 : 100.0 * tally.notModified / requests,
                    millis(latencies, 0.50), millis(latencies, 0.95), millis(latencies, 0.99), millis(latencies, 1.0),
                    tally.outcomes, Processes.Usage.between(before, after, requests));
        }

        private static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String line() {
            return String.format("%-8s %-8s %9.0f %6.1f %7.2f %7.2f %7.2f %7.1f  %s; answers %s", target, label, perSecond,
                    notModifiedShare, p50, p95, p99, max, usage, outcomes);
        }
    }

    private void summarize(List<PhaseResult> viaGateway, List<PhaseResult> straight) {
        double gatewayRate = median(viaGateway, PhaseResult::perSecond);
        double directRate = median(straight, PhaseResult::perSecond);
        double gatewayP50 = median(viaGateway, PhaseResult::p50);
        double directP50 = median(straight, PhaseResult::p50);
        double gatewayP99 = median(viaGateway, PhaseResult::p99);
        System.out.printf("%n[bench] medians over %d rounds of %d s, %d pollers:%n", rounds, seconds, pollers);
        System.out.printf("  gateway  %8.0f req/s  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  CPU per request: %s%n", gatewayRate,
                gatewayP50, median(viaGateway, PhaseResult::p95), gatewayP99, cpuPerRequest(viaGateway));
        System.out.printf("  direct   %8.0f req/s  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  CPU per request: %s%n", directRate,
                directP50, median(straight, PhaseResult::p95), median(straight, PhaseResult::p99), cpuPerRequest(straight));
        System.out.printf("  throughput gateway/direct %.1f %% (target >= 80 %%): %s%n", 100 * gatewayRate / directRate,
                gatewayRate >= 0.8 * directRate ? "met" : "MISSED");
        System.out.printf("  added p50 %.2f ms (target < 1 ms): %s%n", gatewayP50 - directP50,
                gatewayP50 - directP50 < 1 ? "met" : "MISSED");
        System.out.printf("  gateway p99 for 304s %.2f ms (target < 20 ms): %s%n", gatewayP99, gatewayP99 < 20 ? "met" : "MISSED");
        System.out.printf("  load average at the end: %s%n", Processes.loadAverage());
    }

    /** Median over the rounds of each process's CPU time per request. */
    private static String cpuPerRequest(List<PhaseResult> results) {
        StringBuilder text = new StringBuilder();
        for (String process : Processes.NAMES) {
            double micros = median(results, result -> result.usage().microsPerRequest().get(process));
            text.append(text.length() == 0 ? "" : ", ").append(String.format("%s %.0f µs", process, micros));
        }
        return text.toString();
    }

    private static double median(List<PhaseResult> results, java.util.function.ToDoubleFunction<PhaseResult> value) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** The gateway's own view: retries towards timeline and answers by status class. */
    private void printGatewayCounters() throws Exception {
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/q/metrics")));
        System.out.println("[bench] gateway counters:");
        metrics.body().lines()
                .filter(line -> line.startsWith("eventline_gateway_upstream_retries_total")
                        || line.startsWith("eventline_gateway_requests_seconds_count"))
                .forEach(line -> System.out.println("  " + line));
    }
}
