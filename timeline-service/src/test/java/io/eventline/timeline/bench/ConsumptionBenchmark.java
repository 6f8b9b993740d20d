package io.eventline.timeline.bench;

import io.agroal.api.AgroalDataSource;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.messaging.ArticleMessage;
import io.eventline.timeline.messaging.ArticleMessageReader;
import io.eventline.timeline.messaging.InvalidMessageException;
import io.eventline.timeline.service.ArticleService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Consumption throughput: article versions applied per second with deduplication on, on a real
 * PostgreSQL. Drives the consumer's own path below Kafka: each polled batch's values are read with
 * {@link ArticleMessageReader} and applied with {@link ArticleService#applyAll} (in one transaction, or more if its
 * budget runs out), exactly as {@code BatchApplier} does with a batch of {@code max-poll-records} records (no broker:
 * polling and offset commits are not measured). Each run starts from empty tables.
 *
 * <p>Options (system properties): {@code bench.articles} (Reuters articles, default 300: about 2,300 events),
 * {@code bench.runs} (default 3), {@code bench.batch} (records per transaction, default 500),
 * {@code bench.duplicates} (share of events reported again by other outlets, default 0.3),
 * {@code bench.order} ({@code publication}, the default, or {@code corpus}: the corpus file's order, as the
 * load driver replays it, with many late reports),
 * {@code bench.log-slower-than-ms} (PostgreSQL logs the statements slower than this).
 * Run through {@link BenchmarkMain}; never part of the test suite (no {@code Test} suffix).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumptionBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Inject
    ArticleService articles;

    @Inject
    ArticleMessageReader reader;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TimelineConfig config;

    @Test
    void applyArticleVersions() throws Exception {
        Optional<Path> corpora = ReutersLoad.corpora();
        assumeTrue(corpora.isPresent(), "the Reuters corpus " + ReutersLoad.FILE + " is not in ../shared/corpora (or -D"
                + ReutersLoad.PROPERTY + ")");
        int articleCount = Integer.getInteger("bench.articles", 300);
        int runs = Integer.getInteger("bench.runs", 3);
        int batchSize = Integer.getInteger("bench.batch", 500);
        double duplicateShare = Double.parseDouble(System.getProperty("bench.duplicates", "0.3"));

        boolean corpusOrder = "corpus".equals(System.getProperty("bench.order", "publication"));
        String recorded = System.getProperty("bench.recorded");
        ReutersLoad.Load load = recorded != null ? ReutersLoad.recorded(Path.of(recorded), articleCount)
                : ReutersLoad.generate(corpora.get(), articleCount, duplicateShare, 0.05, 42, corpusOrder);
        System.out.printf(Locale.ROOT, "%nLoad (" + (corpusOrder ? "corpus order" : "publication order") + "): %d Reuters articles -> %d messages (%d second versions), %d events, "
                        + "of which %d duplicate reports by other outlets; batches of %d; %d processors%n",
                load.sourceArticles(), load.messages().size(), load.secondVersions(), load.events(), load.duplicateReports(),
                batchSize, Runtime.getRuntime().availableProcessors());

        String slow = System.getProperty("bench.log-slower-than-ms");
        if (slow != null) {
            // PostgreSQL logs each statement slower than this (to the benchmark's output)
            execute("alter system set log_min_duration_statement = " + Integer.parseInt(slow));
            execute("select pg_reload_conf()");
        }
        // warm-up: the first 10% of the load, then the tables are emptied again
        truncate();
        applyAll(load.messages().subList(0, load.messages().size() / 10), batchSize, new ArrayList<>());
        List<Double> rates = new ArrayList<>();
        List<Double> batchMillis = new ArrayList<>();
        List<Double> cpuPerEvent = new ArrayList<>();
        List<Double> withPoolCpuPerEvent = new ArrayList<>();
        List<Double> postgresCpuPerEvent = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            truncate();
            List<Double> runBatches = new ArrayList<>();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            long poolCpuStarted = commonPoolCpuTime();
            double postgresCpuStarted = postgresCpuMillis();
            long started = System.nanoTime();
            applyAll(load.messages(), batchSize, runBatches);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
            // the common pool's share: the features of new mentions, computed beside the applying thread
            double withPoolCpuMillis = cpuMillis + (commonPoolCpuTime() - poolCpuStarted) / 1e6;
            double postgresCpuMillis = postgresCpuMillis() - postgresCpuStarted;
            double rate = load.events() / seconds;
            rates.add(rate);
            batchMillis.addAll(runBatches);
            cpuPerEvent.add(cpuMillis / load.events());
            withPoolCpuPerEvent.add(withPoolCpuMillis / load.events());
            postgresCpuPerEvent.add(postgresCpuMillis / load.events());
            System.out.printf(Locale.ROOT, "run %d: %.1f s, %.0f events/s, %.0f messages/s, %.2f ms of the applying thread's CPU "
                            + "per event (%.2f ms with the common pool's; PostgreSQL's %.2f ms); batch apply %s; %s%n",
                    run, seconds, rate, load.messages().size() / seconds, cpuMillis / load.events(), withPoolCpuMillis / load.events(),
                    postgresCpuMillis / load.events(),
                    new Percentiles(runBatches).summary("ms"), tableCounts());
        }
        Percentiles batches = new Percentiles(batchMillis);
        System.out.printf(Locale.ROOT, "%nConsumption throughput: %.0f events/s applied (median of %d runs: %s); "
                        + "batch apply time p50 %.0f ms, p95 %.0f ms (%d batches of %d records); "
                        + "applying thread's CPU %.2f ms per event, %.2f ms with the common pool's (the JIT's and the GC's not included); "
                        + "PostgreSQL's %.2f ms (medians)%n%n",
                Percentiles.median(rates), runs, rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList(),
                batches.at(50), batches.at(95), batchMillis.size(), batchSize, Percentiles.median(cpuPerEvent),
                Percentiles.median(withPoolCpuPerEvent), Percentiles.median(postgresCpuPerEvent));
    }

    /** The CPU time of the common pool's live workers (a worker that ended during a run is not counted). */
    private static long commonPoolCpuTime() {
        long total = 0;
        for (var thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("ForkJoinPool.commonPool-worker-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    /**
     * The CPU time of the benchmark's PostgreSQL server and its live backends (its child processes), in ms,
     * from {@code /proc} (Linux; 0 elsewhere).
     */
    private double postgresCpuMillis() throws SQLException {
        long server;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
            backend.next();
            server = procStat(Path.of("/proc", backend.getString(1))).map(fields -> Long.parseLong(fields[1])).orElse(-1L);
        }
        double total = 0;
        try (var processes = java.nio.file.Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                Optional<String[]> fields = procStat(process);
                if (fields.isPresent() && (process.getFileName().toString().equals(Long.toString(server))
                        || Long.parseLong(fields.get()[1]) == server)) {
                    total += (Long.parseLong(fields.get()[11]) + Long.parseLong(fields.get()[12])) * 10.0;   // USER_HZ 100
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return total;
    }

    /** The fields of /proc/PID/stat after the command (state, ppid, ...), if the process is still there. */
    private static Optional<String[]> procStat(Path process) {
        try {
            String stat = java.nio.file.Files.readString(process.resolve("stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (java.io.IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private void applyAll(List<ReutersLoad.Message> messages, int batchSize, List<Double> batchMillis)
            throws InvalidMessageException {
        for (int from = 0; from < messages.size(); from += batchSize) {
            List<ReutersLoad.Message> batch = messages.subList(from, Math.min(messages.size(), from + batchSize));
            long started = System.nanoTime();
            List<ArticleMessage> parsed = new ArrayList<>(batch.size());
            for (ArticleMessageReader.Reading reading : reader.readAll(batch.stream()
                    .map(m -> new ArticleMessageReader.Encoded(m.key(), m.value())).toList())) {
                if (reading.invalid() != null) {
                    throw reading.invalid();
                }
                parsed.add(reading.message());
            }
            // as BatchApplier does: further transactions for what the first one's budget left
            for (int applied = 0; applied < parsed.size(); ) {
                applied += articles.applyAll(parsed.subList(applied, parsed.size()), config.consumer().transactionBudget()).size();
            }
            batchMillis.add((System.nanoTime() - started) / 1e6);
        }
    }

    private void truncate() throws SQLException {
        execute("truncate event_change, event_mention, event, article");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String tableCounts() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("""
                     select (select count(*) from article), (select count(*) from event),
                            (select count(*) from event_mention), (select count(*) from event where report_count > 1),
                            (select count(*) from event_change)""")) {
            counts.next();
            return String.format(Locale.ROOT, "%d articles, %d events (%d merged from several reports), %d mentions, %d changes",
                    counts.getLong(1), counts.getLong(2), counts.getLong(4), counts.getLong(3), counts.getLong(5))
                    + "; " + fingerprint();
        }
    }

    /**
     * Each event by its mentions (article and ordinal), what it shows, its version and search vector's lexemes
     * (not their positions, which depend on how the vector was assembled and which no read uses): no id.
     */
    private static final String EVENTS_DESCRIBED = """
            select concat_ws('|', (select string_agg(m.article_id || '#' || m.ordinal, ',' order by m.article_id, m.ordinal)
                                   from event_mention m where m.event_id = e.id),
                   r.article_id || '#' || r.ordinal, e.date_value, e.granularity, e.start_date, e.end_date,
                   e.text, e.first_reported_at, e.report_count, e.outlet_count, e.entities::text,
                   e.entity_keys::text, e.version, strip(e.search)::text) as x
            from event e left join event_mention r on r.id = e.representative_mention_id""";

    /**
     * Digests of the timeline made, without the ids (they depend on how ids are allocated): each event
     * by its mentions (article and ordinal), what it shows, its version and search vector; the change
     * log by kind, version and period. Two builds that make the same decisions print the same digests.
     */
    private String fingerprint() throws SQLException {
        String dump = System.getProperty("bench.dump");
        if (dump != null) {
            // the described events one per line, to diff two builds' timelines
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(EVENTS_DESCRIBED + " order by 1");
                 java.io.PrintWriter out = new java.io.PrintWriter(dump, java.nio.charset.StandardCharsets.UTF_8)) {
                while (rows.next()) {
                    out.println(rows.getString(1));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet digest = statement.executeQuery("""
                     select (select md5(string_agg(x, E'\n' order by x)) from (""" + EVENTS_DESCRIBED + """
                                ) events),
                            (select md5(string_agg(x, E'\n' order by x)) from (
                                select concat_ws('|', kind, event_version, start_date, end_date, merged_into is null) as x
                                from event_change) changes),
                            (select string_agg(kind || ' ' || n, ', ' order by kind) from (
                                select kind, count(*) as n from event_change group by kind) kinds)""")) {
            digest.next();
            return "events digest " + digest.getString(1) + ", changes digest " + digest.getString(2) + " (" + digest.getString(3) + ")";
        }
    }
}
