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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Item 10 of issue 5: what the gateway costs a dashboard that revalidates. Starts the local stack (Kafka,
 * PostgreSQL, the three services as processes) on free ports, pushes the founding articles, saves a timeline,
 * then lets {@code bench.pollers} concurrent pollers revalidate its first page ({@code If-None-Match}, so the
 * answer is a 304), through the gateway and straight to timeline-service, in two kinds of phases:
 * <ul>
 * <li><b>closed loop</b> (throughput): each poller sends its next request as soon as its previous answer has
 * ended. This saturates the machine, so its latencies are queueing; what it measures is the most each path
 * can carry, and the gateway-to-direct ratio of that.</li>
 * <li><b>fixed rate</b> (latency): the pollers together send {@code bench.rate} requests a second, evenly
 * spread, whatever the answers do; the rate is below saturation, so the latencies are the work and the
 * hops, and the added p50 is what a dashboard notices.</li>
 * </ul>
 * Phases of each kind alternate between the targets, after a warm-up of each. With
 * {@code -Dbench.before=<quarkus-run.jar>} a second gateway, e.g. the build before a change, runs beside the
 * stack's (same settings, same timeline-service) as a third target, so a change is compared with what it
 * changed in one run on the same, possibly busy, machine. Prints throughput, latency percentiles and the 304
 * share of each phase, the CPU every process used (the generator shares the machine's cores with the
 * services; CPU time per request is the figure least disturbed by other users of the machine), and the
 * medians over the rounds against the targets.
 *
 * <p>The generator is one Vert.x event loop (one thread) with up to {@code bench.pollers} connections per
 * target.
 *
 * <pre>
 * ./mvnw -B -o -pl deploy/local test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.local.bench.GatewayBenchmark"
 * # options before -cp: -Dbench.pollers=200 -Dbench.seconds=20 -Dbench.warmup=10 -Dbench.warmupRequests=20000 -Dbench.rounds=3
 * #   -Dbench.rate=500 (requests/s of the fixed-rate phases; 0 skips them)
 * #   -Dbench.before=/tmp/gateway-before/quarkus-app/quarkus-run.jar (a second gateway to compare with)
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
    /**
     * The fixed-rate phases' offered load: 200 pollers revalidating every 400 ms. About a sixth of what the
     * gateway carries on the quiet 2-core machine (some 3,000 a second), so nothing queues there; 200
     * dashboards polling every 3 s would offer only some 70 a second.
     */
    private final int rate = Integer.getInteger("bench.rate", 500);

    private final StackSettings settings;
    private final Processes processes;
    private final Optional<Target> before;
    private final Vertx vertx;
    private final HttpClient client;
    private final String key;
    private String path;
    private String etag;

    private GatewayBenchmark(LocalStack stack, Optional<BeforeGateway> beforeGateway) {
        this.settings = stack.settings();
        this.key = settings.dashboardKey();
        this.processes = Processes.of(settings, beforeGateway.map(BeforeGateway::process));
        this.before = beforeGateway.map(gateway -> new Target("before", gateway.port()));
        // One event loop: the generator uses at most one core, and all poller state lives on that thread.
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        // Pooled connections are dropped after 20 s unused, below the servers' idle timeout (the gateway's
        // 30 s): otherwise a connection left idle since an earlier phase is reused just as the server closes
        // it, and the request fails with HttpClosedException (4 of 10,000 in a fixed-rate round once), which
        // is the client's configuration, not the target's behaviour.
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(20).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(pollers).setMaxWaitQueueSize(-1));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> gatewayEnvironment = new HashMap<>();
        // The dashboard key's read bucket would refuse all but ~80 revalidations a second: make it large
        // enough never to refuse, so the limiter still runs on every request but never answers 429.
        gatewayEnvironment.put("EVENTLINE_GATEWAY_RATE_LIMIT_TIMELINES_READ_REQUESTS", "1000000");
        gatewayEnvironment.put("EVENTLINE_GATEWAY_RATE_LIMIT_TIMELINES_READ_PERIOD", "1s");
        gatewayEnvironment.put("EVENTLINE_GATEWAY_RATE_LIMIT_TIMELINES_READ_BURST", "1000000");
        // The setup's article pushes: ingest's first writes to Kafka can take longer than 10 s on a busy machine.
        gatewayEnvironment.put("EVENTLINE_GATEWAY_INGEST_TIMEOUT", "60s");
        Map<String, String> stackGatewayEnvironment = new HashMap<>(gatewayEnvironment);
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null && !jfr.isBlank()) {
            stackGatewayEnvironment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        StackSettings settings = SharedStack.onFreePorts("eventline-gateway-bench");
        System.out.printf("[bench] starting the local stack in %s ...%n", settings.dataDir());
        try (LocalStack stack = LocalStack.start(settings, stackGatewayEnvironment);
                BeforeGateway.Holder beforeGateway = BeforeGateway.startIfAsked(settings, gatewayEnvironment)) {
            GatewayBenchmark benchmark = new GatewayBenchmark(stack, beforeGateway.gateway());
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
        List<Target> targets = new ArrayList<>(List.of(gateway));
        before.ifPresent(targets::add);
        targets.add(direct);
        System.out.printf("[bench] %d pollers, If-None-Match on GET %s, %d s warm-up per target, %d rounds of %d s per target"
                        + " and kind of phase; fixed rate %d requests/s%n",
                pollers, path, warmupSeconds, rounds, seconds, rate);
        System.out.printf("[bench] machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), Processes.loadAverage());
        System.out.println(PhaseResult.HEADER);
        for (Target target : targets) {
            warmUp(target);
        }
        Map<Target, List<PhaseResult>> closed = measureRounds(targets, 0);
        Map<Target, List<PhaseResult>> fixed = rate > 0 ? measureRounds(targets, rate) : Map.of();
        summarize(targets, closed, fixed);
        printGatewayCounters();
    }

    /** {@code rounds} phases per target, in an order that alternates so a drift in the machine's load favours no one. */
    private Map<Target, List<PhaseResult>> measureRounds(List<Target> targets, int perSecond) throws Exception {
        Map<Target, List<PhaseResult>> results = new LinkedHashMap<>();
        targets.forEach(target -> results.put(target, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            List<Target> order = new ArrayList<>(targets);
            if (round % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Target target : order) {
                PhaseResult result = measure(target, seconds, (perSecond > 0 ? "rate " : "closed ") + round, perSecond);
                System.out.println(result.line());
                results.get(target).add(result);
            }
        }
        return results;
    }

    /**
     * At least {@code bench.warmup} seconds and {@code bench.warmupRequests} requests (the JIT compilers need
     * requests, not seconds: on a busy machine a few seconds are a few hundred requests), at most 10 phases.
     */
    private void warmUp(Target target) throws Exception {
        int minimum = Integer.getInteger("bench.warmupRequests", 20_000);
        long requests = 0;
        for (int phase = 0; phase < 10 && requests < minimum; phase++) {
            PhaseResult result = measure(target, warmupSeconds, "warm-up", 0);
            System.out.println(result.line());
            requests += result.requests();
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

        /** One request fewer under way; the phase is done when none is left and no more will be sent. */
        void ended() {
            if (--running == 0) {
                done.complete();
            }
        }
    }

    /** A phase: closed loop when {@code perSecond} is 0, otherwise that many requests a second. */
    private PhaseResult measure(Target target, int phaseSeconds, String label, int perSecond) throws Exception {
        Processes.Sample start = processes.sample();
        long startNanos = System.nanoTime();
        Tally tally = new Tally(startNanos + TimeUnit.SECONDS.toNanos(phaseSeconds));
        vertx.runOnContext(ignored -> {
            if (perSecond > 0) {
                sendAtFixedRate(target, tally, startNanos, perSecond);
            } else {
                tally.running = pollers;
                for (int i = 0; i < pollers; i++) {
                    pollInClosedLoop(target, tally);
                }
            }
        });
        tally.done.future().toCompletionStage().toCompletableFuture().get(phaseSeconds + 60L, TimeUnit.SECONDS);
        Processes.Sample end = processes.sample();
        return PhaseResult.of(target.name(), label, perSecond, tally, TimeUnit.SECONDS.toNanos(phaseSeconds), start, end,
                processes.names);
    }

    /** One poller: revalidate, and again as soon as the answer has ended, until the phase is over. */
    private void pollInClosedLoop(Target target, Tally tally) {
        if (System.nanoTime() >= tally.endNanos) {
            tally.ended();
            return;
        }
        revalidate(target, tally, () -> pollInClosedLoop(target, tally));
    }

    /**
     * The n-th request of the phase goes at start + n / perSecond, whether earlier answers came or not (an
     * open loop: a slow answer doesn't hold back the next request, so it can't hide its own slowness). A
     * 1 ms timer sends whatever is due; each request takes a free connection of the target's pool (at most
     * {@code bench.pollers}), so with the rate below saturation every poller's connection is ready again
     * long before its next turn.
     */
    private void sendAtFixedRate(Target target, Tally tally, long startNanos, int perSecond) {
        double intervalNanos = 1e9 / perSecond;
        tally.running = 1; // the timer itself, until it stops
        long[] sent = {0};
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (startNanos + (long) (sent[0] * intervalNanos) <= Math.min(now, tally.endNanos - 1)) {
                sent[0]++;
                tally.running++;
                revalidate(target, tally, tally::ended);
            }
            if (now >= tally.endNanos) {
                vertx.cancelTimer(timer);
                tally.ended();
            }
        });
    }

    /** One revalidation; its latency runs from asking for a connection to the end of the answer. */
    private void revalidate(Target target, Tally tally, Runnable then) {
        long sent = System.nanoTime();
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
                    then.run();
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

    private record PhaseResult(String target, String label, int offered, long requests, double perSecond,
            double notModifiedShare, double p50, double p95, double p99, double max, Map<String, Integer> outcomes,
            Processes.Usage usage) {

        static final String HEADER = String.format("%-8s %-9s %9s %6s %7s %7s %7s %7s  %s",
                "target", "phase", "req/s", "304 %", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU (share of one core) and answers");

        static PhaseResult of(String target, String label, int offered, Tally tally, long phaseNanos, Processes.Sample start,
                Processes.Sample end, List<String> processes) {
            long[] latencies = Arrays.copyOf(tally.notModifiedNanos, tally.notModified);
            Arrays.sort(latencies);
            long requests = tally.notModified + tally.others;
            double perSecond = requests / (phaseNanos / 1e9);
            return new PhaseResult(target, label, offered, requests, perSecond,
                    requests == 0 ? 0 : 100.0 * tally.notModified / requests,
                    millis(latencies, 0.50), millis(latencies, 0.95), millis(latencies, 0.99), millis(latencies, 1.0),
                    tally.outcomes, Processes.Usage.between(start, end, requests));
        }

        private static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String line() {
            return String.format("%-8s %-9s %9.0f %6.1f %7.2f %7.2f %7.2f %7.1f  %s; answers %s", target, label, perSecond,
                    notModifiedShare, p50, p95, p99, max, usage, outcomes);
        }
    }

    private void summarize(List<Target> targets, Map<Target, List<PhaseResult>> closed, Map<Target, List<PhaseResult>> fixed) {
        Target gateway = targets.get(0);
        Target direct = targets.get(targets.size() - 1);
        System.out.printf("%n[bench] closed loop (throughput), medians over %d rounds of %d s, %d pollers:%n", rounds, seconds, pollers);
        for (Target target : targets) {
            List<PhaseResult> results = closed.get(target);
            System.out.printf("  %-8s %8.0f req/s  p50 %.2f ms  p99 %.2f ms  CPU per request: %s%n", target.name(),
                    median(results, PhaseResult::perSecond), median(results, PhaseResult::p50), median(results, PhaseResult::p99),
                    cpuPerRequest(results));
        }
        double directRate = median(closed.get(direct), PhaseResult::perSecond);
        double gatewayRate = median(closed.get(gateway), PhaseResult::perSecond);
        before.ifPresent(target -> System.out.printf("  before/direct %.1f %%%n",
                100 * median(closed.get(target), PhaseResult::perSecond) / directRate));
        System.out.printf("  throughput gateway/direct %.1f %% (target >= 80 %%): %s%n", 100 * gatewayRate / directRate,
                gatewayRate >= 0.8 * directRate ? "met" : "MISSED");
        if (!fixed.isEmpty()) {
            System.out.printf("%n[bench] fixed rate (latency), %d requests/s offered by %d pollers, medians over %d rounds of %d s:%n",
                    rate, pollers, rounds, seconds);
            for (Target target : targets) {
                List<PhaseResult> results = fixed.get(target);
                System.out.printf("  %-8s %8.0f req/s  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  CPU per request: %s%n", target.name(),
                        median(results, PhaseResult::perSecond), median(results, PhaseResult::p50),
                        median(results, PhaseResult::p95), median(results, PhaseResult::p99), cpuPerRequest(results));
                if (median(results, PhaseResult::perSecond) < 0.95 * rate) {
                    System.out.printf("    %s carried less than 95 %% of the offered rate: saturated, its latencies are queueing%n",
                            target.name());
                }
            }
            double directP50 = median(fixed.get(direct), PhaseResult::p50);
            before.ifPresent(target -> System.out.printf("  before: added p50 %.3f ms, p99 %.3f ms%n",
                    median(fixed.get(target), PhaseResult::p50) - directP50, median(fixed.get(target), PhaseResult::p99)));
            double added = median(fixed.get(gateway), PhaseResult::p50) - directP50;
            double gatewayP99 = median(fixed.get(gateway), PhaseResult::p99);
            System.out.printf("  added p50 %.3f ms (target < 1 ms): %s%n", added, added < 1 ? "met" : "MISSED");
            System.out.printf("  gateway p99 for 304s %.3f ms (target < 20 ms): %s%n", gatewayP99, gatewayP99 < 20 ? "met" : "MISSED");
        }
        System.out.printf("  load average at the end: %s%n", Processes.loadAverage());
    }

    /** Median over the rounds of each process's CPU time per request. */
    private String cpuPerRequest(List<PhaseResult> results) {
        StringBuilder text = new StringBuilder();
        for (String process : processes.names) {
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
