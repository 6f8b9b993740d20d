package io.eventline.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.infra.Ports;
import io.eventline.local.LocalStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault scenarios of issue 7, each under load on one local stack and each ending with a
 * {@link Reconciliation}. Every scenario sends its own articles under its own outlet name (so the
 * reconciliation reads only its events) while the {@link Newsroom} sends at the offered rate, retries
 * what is refused and retracts every {@value #RETRACT_EVERY}-th accepted article.
 */
final class FaultScenarios {

    /** Every scenario, in the order they run; the quick ones (a few minutes together) also run in CI. */
    static final List<String> ALL = List.of("duplicates", "poison", "timeline-kill", "second-instance",
            "postgres-outage", "kafka-outage");
    static final List<String> QUICK = List.of("duplicates", "poison", "timeline-kill");
    static final int RETRACT_EVERY = 20;
    /** How long after the load the newsroom keeps re-sending refused requests (a fault's aftermath). */
    private static final long RETRY_WINDOW_MS = 120_000;
    /** Pauses of a record the database refuses: 3 attempts, 200 ms doubled (timeline-service defaults). */
    static final Duration RETRY_BUDGET = Duration.ofMillis(200 + 400 + 800);
    /** Slack over the retry budget for a probe's delay behind poison: a batch applied again one record at a time, a busy machine. */
    static final Duration POISON_SLACK = Duration.ofSeconds(30);
    /** Load before and after a fault (and around the races). */
    private static final long LOAD_AROUND_MS = 10_000;

    /** One scenario's outcome: its checks in order, each passed or not, with what was counted. */
    record Result(String scenario, Map<String, Boolean> checks, List<String> figures, Reconciliation reconciliation,
                  double seconds) {
        boolean passed() {
            return !checks.isEmpty() && checks.values().stream().allMatch(Boolean::booleanValue);
        }
    }

    private final LocalStack stack;
    private final Gateway gateway;
    private final ReutersCorpus corpus;
    private final double rate;
    private final Duration outage;
    private final Duration settle;
    private final String runId;
    private final Timeline timeline;
    private final HttpClient http = HttpClient.newHttpClient();

    FaultScenarios(LocalStack stack, Gateway gateway, ReutersCorpus corpus, double rate, Duration outage,
                   Duration settle, String runId) {
        this.stack = stack;
        this.gateway = gateway;
        this.corpus = corpus;
        this.rate = rate;
        this.outage = outage;
        this.settle = settle;
        this.runId = runId;
        this.timeline = new Timeline(gateway, stack.settings().dashboardKey());
    }

    Result run(String scenario) throws Exception {
        return switch (scenario) {
            case "duplicates" -> duplicates();
            case "poison" -> poison();
            case "timeline-kill" -> timelineKill();
            case "second-instance" -> secondInstance();
            case "postgres-outage" -> postgresOutage();
            case "kafka-outage" -> kafkaOutage();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL);
        };
    }

    /** One scenario's load, checks and figures. */
    private final class Run {
        final String name;
        final String outlet;
        final ReutersCorpus articles;
        final Ledger ledger = new Ledger();
        final Newsroom newsroom;
        final Map<String, Boolean> checks = new LinkedHashMap<>();
        final List<String> figures = new ArrayList<>();
        final long started = System.nanoTime();

        Run(String name) {
            this.name = name;
            this.outlet = "Faults " + runId + " " + name;
            this.articles = corpus.forRun(runId + "-" + name);
            this.newsroom = new Newsroom(gateway, stack.settings().newsroomKey(), ledger, RETRACT_EVERY);
            System.out.printf(Locale.ROOT, "%n== %s: %s articles/s under outlet \"%s\"%n", name, fmt(rate), outlet);
        }

        void startLoad() {
            newsroom.start(rate, n -> article(n, outlet));
        }

        /** The n-th article of the scenario, its title marked with its story (see {@link Reconciliation.Tally#MARK}). */
        ObjectNode article(long n, String outletName) {
            ObjectNode article = articles.article(n, outletName);
            String story = article.get("url").asText().substring(article.get("url").asText().lastIndexOf('#') + 1);
            return article.put("title", article.get("title").asText() + Reconciliation.Tally.MARK + story + ")");
        }

        void say(String what) {
            System.out.printf(Locale.ROOT, "  [%s +%5.1fs] %s%n", name, (System.nanoTime() - started) / 1e9, what);
        }

        void check(String what, boolean passed) {
            checks.put(what, passed);
            say((passed ? "ok    " : "FAILED ") + what);
        }

        /** Stops the load, lets refused requests be resolved, and reconciles until clean or the settle time is over. */
        Result finish() throws InterruptedException {
            newsroom.stopSending();
            say("load stopped; " + newsroom.pending() + " requests still to be answered or sent again");
            newsroom.awaitSettled(RETRY_WINDOW_MS);
            newsroom.stopRetrying();
            newsroom.awaitSettled(60_000);
            say("answers by status (retries included): " + newsroom.statuses());
            Reconciliation reconciled = reconcile(outlet, ledger);
            newsroom.close();
            check("every 202 resolved: no article left refused after the retries",
                    reconciled != null && reconciled.unresolved() == 0);
            check("reconciled: every accepted article's reports exactly once, none of a retracted article",
                    reconciled != null && reconciled.clean());
            return new Result(name, checks, figures, reconciled, (System.nanoTime() - started) / 1e9);
        }

        Reconciliation reconcile(String outletName, Ledger book) throws InterruptedException {
            long begin = System.nanoTime();
            long deadline = begin + settle.toNanos();
            long lastSaid = 0;
            Reconciliation latest = null;
            while (true) {
                Reconciliation now = timeline.reconcile(outletName, book.expected(), book.unresolved());
                if (now != null) {
                    latest = now;
                    if (now.clean()) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                if (System.nanoTime() - lastSaid > 10e9) {
                    say("reconciling: " + (now == null ? "timeline not readable yet" : now.summary()));
                    lastSaid = System.nanoTime();
                }
                Thread.sleep(1000);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (latest == null) {
                say("the timeline could not be read within " + settle.toSeconds() + " s");
            } else {
                say(String.format(Locale.ROOT, "reconciliation after %.0f s: %s", seconds, latest.summary()));
                figures.add(String.format(Locale.ROOT, "%s (settled %.0f s after the load)", latest.summary(), seconds));
            }
            return latest;
        }
    }

    /** The same article 10 times at once; an update racing its own original. */
    private Result duplicates() throws Exception {
        Run run = new Run("duplicates");
        run.startLoad();
        List<CompletableFuture<Gateway.Answer>> sends = new ArrayList<>();
        int articles = 20;
        Map<String, Set<Long>> versions = new LinkedHashMap<>();
        for (int i = 0; i < articles; i++) {
            ObjectNode article = run.article(100_000 + i, run.outlet);
            article.put("id", article.get("id").asText() + "-ten-times");
            Set<Long> versionsOfThis = ConcurrentHashMap.newKeySet();
            versions.put(article.get("id").asText(), versionsOfThis);
            for (int copy = 0; copy < 10; copy++) {
                sends.add(run.newsroom.publish(article.deepCopy()).whenComplete((answer, failure) -> {
                    if (answer != null && answer.status() == 202) {
                        versionsOfThis.add(answer.json().path("version").asLong());
                    }
                }));
            }
        }
        for (int i = 0; i < articles; i++) {
            // The original and its update (another story under the same id, so another title and other events) at once.
            ObjectNode original = run.article(200_000 + i, run.outlet);
            ObjectNode update = run.article(200_000 + i + 7, run.outlet);
            update.put("id", original.get("id").asText());
            sends.add(run.newsroom.publish(original));
            sends.add(run.newsroom.publish(update));
        }
        Thread.sleep(LOAD_AROUND_MS); // the rest of the load goes on around the races
        run.newsroom.stopSending();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        long distinct = versions.values().stream().filter(v -> v.size() == 10).count();
        run.figures.add(String.format(Locale.ROOT, "%d articles pushed 10 times at once (%d with 10 distinct versions),"
                + " %d updates racing their originals", articles, distinct, articles));
        run.check("each of the 10 concurrent pushes of an article accepted as its own version", distinct == articles);
        return run.finish();
    }

    /**
     * Poison on every partition of the articles topic: it goes to the dead-letter topic, and the rest is not
     * held up beyond the retry budget. The load is paused around the poison and the backlog drained first,
     * so that the probes' delays measure the poison, not the lag a starved machine builds up under load.
     */
    private Result poison() throws Exception {
        Run run = new Run("poison");
        run.startLoad();
        Poison poison = new Poison(stack.kafkaBootstrapServers());
        int partitions = poison.partitions();
        Thread.sleep(LOAD_AROUND_MS);
        run.newsroom.stopSending();
        run.say("load paused; waiting for the backlog to drain");
        run.newsroom.awaitSettled(RETRY_WINDOW_MS);
        run.reconcile(run.outlet, run.ledger);
        double before = probeDelay(run, partitions, "before");
        Map<String, String> written = poison.write(runId);
        run.say("wrote " + written.size() + " poison records (not JSON, and a NUL PostgreSQL refuses) on " + partitions
                + " partitions");
        double after = probeDelay(run, partitions, "after");
        run.startLoad();
        run.say("load resumed");
        Map<String, String> deadLettered = poison.deadLettered(written.keySet(), settle);
        Map<String, Long> reasons = new TreeMap<>();
        deadLettered.forEach((key, reason) -> reasons.merge(written.get(key) + " -> " + reason, 1L, Long::sum));
        run.figures.add(String.format(Locale.ROOT, "%d poison records written, %d in the dead-letter topic (written as ->"
                        + " dead-letter-reason: %s); probes on every partition visible %.1f s after their 202 before the"
                        + " poison, %.1f s after", written.size(), deadLettered.size(), reasons, before, after));
        // The NUL may be refused by the database (rejected, after the retries) or, were the consumer to check
        // for it, by the consumer (invalid): either way it must land in the dead-letter topic.
        run.check("every poison record in the dead-letter topic", deadLettered.keySet().equals(written.keySet()));
        double bound = before + RETRY_BUDGET.toMillis() / 1000.0 + POISON_SLACK.toSeconds();
        run.check(String.format(Locale.ROOT, "articles behind the poison visible within the retry budget"
                + " (%.1f s <= %.1f s before + %.1f s budget + %d s slack)", after, before,
                RETRY_BUDGET.toMillis() / 1000.0, POISON_SLACK.toSeconds()), after <= bound);
        Thread.sleep(LOAD_AROUND_MS);
        return run.finish();
    }

    /**
     * Sends one probe article to each partition (its id chosen so) under an outlet of its own, and
     * returns the seconds from the last probe's 202 until all their reports are on the timeline
     * (infinite if not within the settle time).
     */
    private double probeDelay(Run run, int partitions, String label) throws InterruptedException {
        String outlet = run.outlet + " probes " + label;
        Ledger probes = new Ledger();
        Newsroom sender = new Newsroom(gateway, stack.settings().newsroomKey(), probes, 0);
        Set<Integer> covered = new HashSet<>();
        List<CompletableFuture<Gateway.Answer>> sends = new ArrayList<>();
        for (int k = 0; covered.size() < partitions; k++) {
            ObjectNode article = run.article(300_000 + k, outlet);
            article.put("id", "probe-" + label + "-" + article.get("id").asText());
            if (covered.add(Poison.partitionOf(article.get("id").asText(), partitions))) {
                sends.add(sender.publish(article));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        long accepted = System.nanoTime();
        long deadline = accepted + settle.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Reconciliation now = timeline.reconcile(outlet, probes.expected(), probes.unresolved());
                if (now != null && now.clean()) {
                    double seconds = (System.nanoTime() - accepted) / 1e9;
                    run.say(String.format(Locale.ROOT, "%d probes %s the poison visible %.1f s after their 202",
                            sends.size(), label, seconds));
                    return seconds;
                }
                Thread.sleep(200);
            }
        } finally {
            sender.close();
        }
        run.say("probes " + label + " the poison not visible within " + settle.toSeconds() + " s");
        return Double.POSITIVE_INFINITY;
    }

    /** timeline-service killed with SIGKILL while it applies a batch, then started again. */
    private Result timelineKill() throws Exception {
        Run run = new Run("timeline-kill");
        run.startLoad();
        Thread.sleep(LOAD_AROUND_MS);
        Map<String, Double> metrics = timelineMetrics(stack.settings().timelineUrl());
        run.say("SIGKILL timeline-service (consumer lag " + fmt(metrics.getOrDefault("timeline_consumer_lag_records", Double.NaN))
                + " records, " + fmt(metrics.getOrDefault("timeline_batches_total", Double.NaN)) + " batches applied so far)");
        stack.killTimeline();
        Thread.sleep(3_000);
        run.say("starting timeline-service again");
        stack.restartTimeline();
        run.say("timeline-service ready again");
        Thread.sleep(LOAD_AROUND_MS);
        Result result = run.finish();
        Map<String, Double> after = timelineMetrics(stack.settings().timelineUrl());
        result.figures().add(String.format(Locale.ROOT, "lag at the kill %s records; after the restart %s messages applied,"
                        + " %s skipped as already held (applied before the kill, delivered again)",
                fmt(metrics.getOrDefault("timeline_consumer_lag_records", Double.NaN)),
                fmt(after.getOrDefault("timeline_messages_applied_total", Double.NaN)),
                fmt(after.getOrDefault("timeline_messages_skipped_total", Double.NaN))));
        return result;
    }

    /** A second timeline-service instance joins the consumer group under load, then leaves it (SIGTERM). */
    private Result secondInstance() throws Exception {
        Run run = new Run("second-instance");
        run.startLoad();
        Thread.sleep(8_000);
        int port = Ports.free();
        run.say("starting a second timeline-service on port " + port);
        double applied;
        try (AutoCloseable second = stack.startExtraTimeline("timeline-service-2", port)) {
            run.say("second instance ready");
            Thread.sleep(20_000);
            applied = timelineMetrics("http://localhost:" + port).getOrDefault("timeline_messages_applied_total", 0.0);
            run.say("stopping the second instance (SIGTERM) after it applied " + fmt(applied) + " messages");
        }
        Thread.sleep(LOAD_AROUND_MS);
        run.check("the second instance took partitions and applied messages", applied > 0);
        run.figures.add("the second instance applied " + fmt(applied) + " messages while in the group");
        return run.finish();
    }

    /** PostgreSQL stopped for the outage, then started again. */
    private Result postgresOutage() throws Exception {
        Run run = new Run("postgres-outage");
        List<Newsroom.Attempt> whileDown = outage(run, "PostgreSQL", stack::stopPostgres, stack::startPostgres);
        long accepted = whileDown.stream().filter(a -> a.status() == 202).count();
        run.figures.add(accepted + " articles accepted while PostgreSQL was down (ingest does not need it)");
        return run.finish();
    }

    /** The Kafka broker stopped for the outage, then started again: ingest answers 503, never 202, meanwhile. */
    private Result kafkaOutage() throws Exception {
        Run run = new Run("kafka-outage");
        List<Newsroom.Attempt> whileDown = outage(run, "the Kafka broker", stack::stopKafka, stack::startKafka);
        Map<Integer, Long> byStatus = new TreeMap<>();
        whileDown.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        long slowest = whileDown.stream().mapToLong(a -> a.answeredNanos() - a.sentNanos()).max().orElse(0) / 1_000_000;
        run.figures.add(String.format(Locale.ROOT, "while the broker was down: %d article requests answered %s,"
                + " slowest answer %d ms", whileDown.size(), byStatus, slowest));
        // A gateway 504 (ingest slower than the gateway's 10 s on a starved machine) is listed in the figures;
        // what must never happen is a 202 for an article Kafka could not take.
        run.check("while the broker was down: articles answered 503, never 202",
                byStatus.containsKey(503) && !byStatus.containsKey(202));
        return run.finish();
    }

    /**
     * Load, {@code what} stopped for the outage and started again, load; returns the article requests sent
     * and answered while it was down (not those straddling the stop or the start).
     */
    private List<Newsroom.Attempt> outage(Run run, String what, Runnable stop, Runnable start) throws InterruptedException {
        run.startLoad();
        Thread.sleep(LOAD_AROUND_MS);
        run.say("stopping " + what + " for " + outage.toSeconds() + " s");
        stop.run();
        long down = System.nanoTime();
        run.say(what + " stopped");
        Thread.sleep(outage.toMillis());
        long up = System.nanoTime();
        start.run();
        run.say(what + " started again");
        Thread.sleep(LOAD_AROUND_MS);
        return run.newsroom.attempts().stream()
                .filter(a -> a.what().equals("POST article") && a.sentNanos() >= down && a.answeredNanos() <= up)
                .toList();
    }

    /** timeline-service's own metrics (not through the gateway), name with labels dropped to the summed value. */
    private Map<String, Double> timelineMetrics(String baseUrl) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String name = line.substring(0, brace > 0 ? brace : space);
                try {
                    metrics.merge(name, Double.parseDouble(line.substring(space + 1)), Double::sum);
                } catch (NumberFormatException e) {
                    // not a sample line
                }
            });
        } catch (IOException e) {
            // not answering: no figures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return metrics;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "-" : value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
