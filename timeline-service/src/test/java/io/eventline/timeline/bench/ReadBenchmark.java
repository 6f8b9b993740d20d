package io.eventline.timeline.bench;

import io.agroal.api.AgroalDataSource;
import io.eventline.timeline.EventFilter;
import io.eventline.timeline.TimelineCursor;
import io.eventline.timeline.repository.EventRepository;
import io.eventline.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads at scale: loads {@code bench.events} (default 1,000,000) events into PostgreSQL with SQL
 * ({@code generate_series}, indexes dropped during the load and created again with their own
 * definitions), then measures, over HTTP against the running application in this JVM (loopback, so
 * the whole server path: resource, service, repository, JSON), filtered first pages (of /events and of a
 * saved timeline), a deep page through cursors, a 304 revalidation, and the saved timeline's change feed
 * ({@code /changes?since=}) over changes logged after the load. Prints p50/p95/p99, the server's CPU per request and each query's
 * {@code EXPLAIN (ANALYZE, BUFFERS)}. Run through {@link BenchmarkMain}; never part of the suite.
 *
 * <p>Options: {@code bench.events}, {@code bench.requests} (per measure, default 1000),
 * {@code bench.deep-page} (default 200), {@code bench.load} ({@code false}: keep the events a previous run
 * loaded into the same database, {@code EVENTLINE_TEST_DB_URL}; the load is most of a run), {@code bench.trace}
 * (a file: each measured request on a line, to match against GC logs and machine samples taken at the same time).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReadBenchmark {

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final int WARM_UP = 200;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/events")
    URL events;

    @TestHTTPResource("/api/v1/timelines")
    URL timelines;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Each measured request, one line: wall-clock start (epoch ms), measure, index, client ms, server ms; to the file
     * {@code bench.trace} names (nowhere without it), to lay the slow requests beside GC logs, CPU samples and the
     * database's activity sampled at the same time.
     */
    private final PrintWriter trace = traceFile(System.getProperty("bench.trace"));

    @Test
    void readAtScale() throws Exception {
        int eventCount = Integer.getInteger("bench.events", 1_000_000);
        int requests = Integer.getInteger("bench.requests", 1000);
        int deepPage = Integer.getInteger("bench.deep-page", 200);
        long started = System.nanoTime();
        if (Boolean.parseBoolean(System.getProperty("bench.load", "true"))) {
            load(eventCount);
        }
        // what autovacuum does to the tables after a load (or after a previous run's feed updates): done here,
        // before the measures, not during them (a run met it vacuuming 2 million rows while it measured); it
        // also sets the visibility map that index-only scans need
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("vacuum (analyze) event, event_mention, article, event_change, event_entity");
        }
        System.out.printf(Locale.ROOT, "%nLoaded %s in %.0f s%n", counts(), (System.nanoTime() - started) / 1e9);

        // the most named entities (Zipf-like: the first ones are frequent, most are rare)
        List<String> entities = column("select k from (select jsonb_array_elements_text(entity_keys) k from event "
                + "where id <= 20000) x group by k order by count(*) desc limit 20");
        String[] ranges = {"from=2015&to=2025", "from=2024&to=2026", "from=1990&to=2010", "from=2025-01&to=2025-06"};
        IntFunction<String> filtered = i -> ranges[i % ranges.length] + "&entity=" + encode(entities.get(i % entities.size()));

        Map<String, Timed> results = new LinkedHashMap<>();
        measure(results, "first page, from/to + entity", requests, i -> get(filtered.apply(i) + "&limit=50", null));
        String[] broad = {"from=1950&to=2026", "from=2000", "to=2026", "granularity=day"};
        measure(results, "first page, broad filter (total capped)", requests, i -> get(broad[i % broad.length] + "&limit=50", null));

        // a saved timeline: the most frequent entity over 2015-2025
        String timeline = post(timelines, "{\"name\":\"Bench\",\"entities\":[" + json(entities.get(0)) + "],\"from\":\"2015\",\"to\":\"2025\"}");
        URI timelineEvents = URI.create(timelines + "/" + timeline + "/events?limit=50");
        measure(results, "first page of a saved timeline", requests, i -> get(timelineEvents, null));

        // deep page: the cursor of page `deepPage` of an unfiltered range, walked once
        String deepQuery = "from=1950&to=2026&limit=50";
        String cursor = null;
        for (int page = 1; page < deepPage; page++) {
            cursor = next(get(deepQuery + (cursor == null ? "" : "&cursor=" + encode(cursor)), null).body());
        }
        String deep = deepQuery + "&cursor=" + encode(cursor);
        measure(results, "deep page " + deepPage + " via cursor, from/to", requests, i -> get(deep, null));

        String tag = get(filtered.apply(0) + "&limit=50", null).headers().firstValue("ETag").orElseThrow();
        measure(results, "304 revalidation, If-None-Match", requests, i -> {
            HttpResponse<String> response = get(filtered.apply(0) + "&limit=50", tag);
            if (response.statusCode() != 304) {
                throw new IllegalStateException("expected 304, got " + response.statusCode());
            }
            return response;
        });

        // the feed: a cursor taken now, then changes logged after it (events re-derived all over the
        // timeline, as the consumer logs them), walked once to collect a cursor every 100 changes
        long before = single("select max(seq) from event_change");
        String changes = timelines + "/" + timeline + "/changes";
        String since = field(CURSOR, get(URI.create(changes), null).body());
        int appended = changesAppended(eventCount, requests * 100);
        List<String> cursors = new ArrayList<>();
        for (String at = since; cursors.size() < requests; ) {
            cursors.add(at);
            at = field(CURSOR, get(URI.create(changes + "?limit=100&since=" + encode(at)), null).body());
        }
        measure(results, "change feed, 100 changes since a cursor", requests, i ->
                get(URI.create(changes + "?limit=100&since=" + encode(cursors.get(i % cursors.size()))), null));

        System.out.printf(Locale.ROOT, "%nServer-side latency over HTTP (loopback), %d requests each after %d of warm-up, one client thread:%n",
                requests, WARM_UP);
        results.forEach((name, t) -> System.out.printf(Locale.ROOT,
                "  %-45s %s%n  %-45s %s%n  %-45s %.3f ms%n    slowest (request, client/server ms): %s%n%s",
                name, t.client().summary("ms"), "  server (Server-Timing)", t.server().summary("ms"),
                "  server CPU per request", t.serverCpuMillis(), t.slowest(), t.database()));

        // the plans of the very queries the reads run (EventRepository builds them), per kind of filter
        String rare = column("select k from (select jsonb_array_elements_text(entity_keys) k from event "
                + "where id <= 20000) x group by k order by count(*), k limit 1").get(0);
        LocalDate y2015 = LocalDate.of(2015, 1, 1);
        LocalDate y2025 = LocalDate.of(2025, 12, 31);
        Map<String, EventFilter> filters = new LinkedHashMap<>();
        filters.put("from=2015&to=2025&entity=<most frequent> (and the saved timeline)", filter(y2015, y2025, entities.get(0), null));
        filters.put("from=2015&to=2025&entity=<20th most frequent>", filter(y2015, y2025, entities.get(entities.size() - 1), null));
        filters.put("from=2025-01&to=2025-06&entity=<20th most frequent>",
                filter(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), entities.get(entities.size() - 1), null));
        filters.put("from=2015&to=2025&entity=<rare: " + rare + ">", filter(y2015, y2025, rare, null));
        filters.put("from=2015&to=2025", filter(y2015, y2025, null, null));
        filters.put("from=1950&to=2026", filter(LocalDate.of(1950, 1, 1), LocalDate.of(2026, 12, 31), null, null));
        filters.put("from=2000", filter(LocalDate.of(2000, 1, 1), null, null, null));
        filters.put("to=2026", filter(null, LocalDate.of(2026, 12, 31), null, null));
        filters.put("granularity=day", filter(null, null, null, "day"));
        filters.forEach((name, filter) -> {
            explain("first page of " + name + " (EventRepository.timeline)", EventRepository.timelineQuery(filter, null, 51));
            explain("its total (EventRepository.countUpTo, the benchmark profile's cap + 1)", EventRepository.countQuery(filter, 1001));
        });
        explain("deep page " + deepPage + " of from=1950&to=2026 (keyset after its cursor)", EventRepository.timelineQuery(
                filter(LocalDate.of(1950, 1, 1), LocalDate.of(2026, 12, 31), null, null), TimelineCursor.decode(cursor), 51));
        String entity = entities.get(0).replace("'", "''");
        long middle = before + appended / 2;
        explain("change feed: the log after the cursor (EventChangeHistory.after)",
                "select seq, event_id, kind, merged_into, start_date, end_date from event_change where seq > " + middle
                        + " order by seq limit 101");
        explain("change feed: those of its events matching the filter (EventRepository.matching)", """
                select e.* from event e where e.id = any(array(select event_id from event_change where seq > %d order by seq limit 100))
                 and e.end_date >= date '2015-01-01' and e.start_date <= date '2025-12-31' and e.entity_keys @> '["%s"]'::jsonb"""
                .formatted(middle, entity));
        explain("304: the list's tag (EventChangeLog.latestSequence)", "select coalesce(max(seq), 0) from event_change");
    }

    private interface Request {
        HttpResponse<String> run(int i) throws Exception;
    }

    /** A measure's durations: as the client saw them, and as the server timed itself (header {@link ServerTiming}). */
    private record Timed(Percentiles client, Percentiles server, double serverCpuMillis, String slowest, String database) {
    }

    private void measure(Map<String, Timed> results, String name, int requests, Request request) throws Exception {
        results.put(name, measure(name, requests, request));
    }

    private Timed measure(String name, int requests, Request request) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            request.run(i);
        }
        boolean statements = resetStatements();
        long cpuBefore = serverCpuNanos();
        List<Double> client = new ArrayList<>(requests);
        List<Double> server = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long at = System.currentTimeMillis();
            long started = System.nanoTime();
            HttpResponse<String> response = request.run(i);
            client.add((System.nanoTime() - started) / 1e6);
            server.add(ServerTiming.millis(response.headers().firstValue(ServerTiming.HEADER).orElseThrow()));
            trace.printf(Locale.ROOT, "%d %s %d %.3f %.3f%n", at, name.replace(' ', '_'), i, client.get(i), server.get(i));
        }
        double serverCpuMillis = (serverCpuNanos() - cpuBefore) / 1e6 / requests;
        trace.flush();
        // where the slowest requests fall in the measure (early: JIT, warming; spread: GC, other processes)
        String slowest = java.util.stream.IntStream.range(0, requests).boxed()
                .sorted((a, b) -> Double.compare(client.get(b), client.get(a))).limit(10)
                .map(i -> String.format(Locale.ROOT, "#%d %.1f/%.1f", i, client.get(i), server.get(i)))
                .collect(java.util.stream.Collectors.joining(", "));
        return new Timed(new Percentiles(client), new Percentiles(server), serverCpuMillis, slowest, statements ? statements(requests) : "");
    }

    /**
     * The CPU time, in ns, of the threads that answer requests (the HTTP event loops and the worker pool; the
     * client, this thread and the JDK's HttpClient threads, is not among them): over a measure, divided by its
     * requests, what a read costs the server's CPU whatever else the machine runs.
     */
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("executor-thread") || thread.getName().startsWith("vert.x-eventloop")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    /**
     * Clears pg_stat_statements when the server has it (shared_preload_libraries): then each measure tells
     * the database's part of a request from the rest.
     */
    private boolean resetStatements() {
        try {
            column("select pg_stat_statements_reset()::text");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The statements of the measure just run: calls per request, mean and max planning and execution. */
    private String statements(int requests) throws SQLException {
        List<String> lines = column("""
                select format('      %%s per request, plan mean %%s max %%s ms, exec mean %%s max %%s ms: %%s',
                       round(calls::numeric / %d, 2), round(mean_plan_time::numeric, 2), round(max_plan_time::numeric, 2),
                       round(mean_exec_time::numeric, 2), round(max_exec_time::numeric, 2), left(regexp_replace(query, '\\s+', ' ', 'g'), 110))
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                 and query not like '%%pg_stat_statements%%' and calls >= %d
                order by total_exec_time + total_plan_time desc limit 6""".formatted(requests, requests / 10));
        double total = Double.parseDouble(column("""
                select coalesce(sum(total_exec_time + total_plan_time), 0) / %d from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database()) and query not like '%%pg_stat_statements%%'"""
                .formatted(requests)).get(0));
        return String.format(Locale.ROOT, "    database (pg_stat_statements): %.2f ms per request planning and executing%n%s%n",
                total, String.join("\n", lines));
    }

    private HttpResponse<String> get(String query, String ifNoneMatch) throws Exception {
        return get(URI.create(events + "?" + query), ifNoneMatch);
    }

    private HttpResponse<String> get(URI uri, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 304) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** POSTs the JSON body; the created resource's id (the last segment of its Location). */
    private String post(URL url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.toURI()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String next(String body) {
        return field(NEXT, body);
    }

    private static String field(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body.substring(0, Math.min(200, body.length())));
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Logs {@code count} changes after the current end of the log, as the consumer would: events all over
     * the timeline re-derived (version bumped, then logged as changed), in a scattered order.
     */
    private int changesAppended(int eventCount, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    create temporary table touched as
                    select 1 + ((n::bigint * 7919) %% %d) as id, n from generate_series(1, %d) n""".formatted(eventCount, count));
            sql.execute("update event e set version = e.version + 1 from touched t where t.id = e.id");
            int appended = sql.executeUpdate("""
                    insert into event_change (event_id, kind, event_version, start_date, end_date, changed_at)
                    select e.id, 'changed', e.version, e.start_date, e.end_date, now()
                    from touched t join event e on e.id = t.id order by t.n""");
            sql.execute("drop table touched");
            sql.execute("analyze event_change");
            return appended;
        }
    }

    private static PrintWriter traceFile(String path) {
        try {
            return path == null ? new PrintWriter(Writer.nullWriter()) : new PrintWriter(Files.newBufferedWriter(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EventFilter filter(LocalDate from, LocalDate to, String entity, String granularity) {
        return new EventFilter(from, to, entity == null ? null : List.of(entity), null, null, granularity);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of a read's query, with its parameters bound as the read binds them. */
    private void explain(String title, EventRepository.NativeSql query) {
        System.out.printf("%n-- %s%n%s%n   parameters %s%n", title, query.sql(), query.parameters());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = query.prepare(connection, "explain (analyze, buffers) ");
             ResultSet plan = explain.executeQuery()) {
            while (plan.next()) {
                System.out.println("   " + plan.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void explain(String title, String sql) throws SQLException {
        System.out.printf("%n-- %s%n%s%n", title, sql);
        for (String line : column("explain (analyze, buffers) " + sql)) {
            System.out.println("   " + line);
        }
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private long single(String sql) throws SQLException {
        return Long.parseLong(column(sql).get(0));
    }

    private String counts() throws SQLException {
        return column("""
                select (select count(*) from event) || ' events, ' || (select count(*) from event_mention) || ' mentions, '
                    || (select count(*) from article) || ' articles, ' || (select count(*) from event_change) || ' changes'""").get(0);
    }

    /** The load, all in SQL; the indexes are dropped first and created again (their own definitions) after. */
    private void load(int eventCount) throws SQLException {
        int articleCount = Math.max(1, eventCount / 2);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // event_entity is filled in one statement after the events, not row by row by its trigger (disabled
            // outside the load's transaction: its deferred constraint checks forbid altering the table inside it)
            sql.execute("alter table event disable trigger event_entity_sync");
            connection.setAutoCommit(false);
            sql.execute("truncate event_change, event_mention, event_entity, event, article");
            List<String> indexes = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("""
                    select indexname, indexdef from pg_indexes where schemaname = current_schema()
                    and tablename in ('event', 'event_mention', 'event_change', 'article', 'event_entity') and indexname not like '%pkey'""")) {
                while (rows.next()) {
                    indexes.add(rows.getString(2));
                    sql.addBatch("drop index " + rows.getString(1));
                }
            }
            sql.executeBatch();
            sql.execute("""
                    create temporary table vocabulary as
                    select row_number() over () as k, w.first || ' ' || w.last as name from
                      (select f as first, l as last from
                         unnest(array['Acme','Northern','Global','United','Pacific','Atlantic','Central','First','Royal','National',
                                       'Maria','John','Ahmed','Li','Olga','Carlos','Fatima','Kenji','Anna','Pierre']) f,
                         unnest(array['Bank','Energy','Motors','Airlines','Holdings','Mining','Telecom','Pharma','Steel','Foods',
                                      'Smith','Garcia','Khan','Wang','Ivanova','Silva','Haddad','Tanaka','Novak','Dubois',
                                      'Council','Party','Union','Front','Court','Agency','Ministry','Senate','League','Group']) l
                       order by f, l) w""");
            sql.execute("create temporary table outlets as select row_number() over () as k, o as name from unnest(array["
                    + "'Reuters','AP','AFP','Bloomberg','BBC','The Guardian','Le Monde','Dow Jones','Kyodo','Al Jazeera','DW','NPR'"
                    + "]) o");
            sql.execute("""
                    insert into article (id, version, retracted, url, title, published_at, source, language, accepted_at, applied_at)
                    select 'bench-' || n, 1, false, 'https://news.example/' || n, 'Article ' || n,
                           timestamptz '2026-11-01' - power(random(), 3) * interval '46000 days',
                           (select name from outlets where k = 1 + (n %% 12)), 'en', now(), now()
                    from generate_series(1, %d) n""".formatted(articleCount));
            // dates skewed towards recent years over 1900-2026; granularity: 70% day, 15% month, 10% year, 5% decade;
            // entities Zipf-like (k = 600^u); 1 to 5 reports (60% one)
            sql.execute("""
                    create temporary table gen as
                    select n, d, r, reports, e1, e2, e3,
                           case when r < 0.70 then 'day' when r < 0.85 then 'month' when r < 0.95 then 'year' else 'decade' end as granularity
                    from (select n, date '2026-10-31' - floor(46000 * power(random(), 3))::int as d, random() as r,
                                 case when random() < 0.6 then 1 else 2 + floor(random() * 4)::int end as reports,
                                 floor(power(600, random()))::int as e1, floor(power(600, random()))::int as e2,
                                 case when random() < 0.5 then floor(power(600, random()))::int end as e3
                          from generate_series(1, %d) n) g""".formatted(eventCount));
            sql.execute("""
                    create temporary table dated as
                    select g.*, s.start_date,
                           case granularity when 'day' then s.start_date when 'month' then (s.start_date + interval '1 month - 1 day')::date
                                when 'year' then (s.start_date + interval '1 year - 1 day')::date
                                else (s.start_date + interval '10 years - 1 day')::date end as end_date,
                           case granularity when 'day' then to_char(s.start_date, 'YYYY-MM-DD') when 'month' then to_char(s.start_date, 'YYYY-MM')
                                when 'year' then to_char(s.start_date, 'YYYY') else substr(to_char(s.start_date, 'YYYY'), 1, 3) end as value,
                           (select name from vocabulary where k = g.e1) as n1, (select name from vocabulary where k = g.e2) as n2,
                           (select name from vocabulary where k = g.e3) as n3
                    from gen g cross join lateral (select case g.granularity when 'day' then g.d
                           when 'month' then date_trunc('month', g.d)::date when 'year' then date_trunc('year', g.d)::date
                           else make_date(extract(year from g.d)::int / 10 * 10, 1, 1) end as start_date) s""");
            sql.execute("""
                    insert into event (id, date_value, granularity, start_date, end_date, text, representative_mention_id,
                                       first_reported_at, report_count, outlet_count, entities, entity_keys, search, version, updated_at)
                    select n, value, granularity, start_date, end_date, t.text, n * 8 + 1,
                           greatest(start_date::timestamptz, timestamptz '1900-01-01') + interval '9 hours', reports, reports,
                           jsonb_path_query_array(jsonb_build_array(jsonb_build_object('text', n1, 'type', 'ORGANIZATION'),
                               jsonb_build_object('text', n2, 'type', 'PERSON'), jsonb_build_object('text', n3, 'type', 'ORGANIZATION')),
                               '$[*] ? (@.text != null)'),
                           (select jsonb_agg(distinct lower(x)) from unnest(array[n1, n2, n3]) x where x is not null),
                           to_tsvector('english', t.text), 1 + (n % 3), now()
                    from dated cross join lateral (select n1 || ' ' || (array['announced','denied','signed','opened','closed',
                          'won','lost','raised','cut','reported'])[1 + n % 10] || ' ' || (array['a merger with','talks with',
                          'a ruling against','an agreement with','record results for','new tariffs on','a strike at',
                          'an inquiry into'])[1 + n % 8] || ' ' || n2 || ', event ' || n || '.' as text) t""");
            sql.execute("""
                    insert into event_mention (id, event_id, article_id, ordinal, text, date_value, granularity, start_date, end_date,
                        expression_text, expression_type, expression_value, expression_start, expression_end, rule,
                        sentence_start, sentence_end, entities, confidence)
                    select e.id * 8 + i, e.id, 'bench-' || (1 + (e.id * 7 + i * 104729) %% %d), i - 1, e.text, e.date_value,
                           e.granularity, e.start_date, e.end_date, e.date_value, 'DATE', e.date_value, 0, length(e.date_value),
                           'bench', 0, length(e.text), e.entities, 0.9
                    from event e cross join lateral generate_series(1, e.report_count) i""".formatted(articleCount));
            sql.execute("""
                    insert into event_entity (entity_key, id, start_date, end_date, first_reported_at)
                    select distinct k, e.id, e.start_date, e.end_date, e.first_reported_at
                    from event e cross join lateral jsonb_array_elements_text(e.entity_keys) k""");
            // the change log: every event added, a fifth of them changed since
            sql.execute("""
                    insert into event_change (event_id, kind, event_version, start_date, end_date, changed_at)
                    select id, kind, version, start_date, end_date, updated_at from (
                        select id, 'added' as kind, 1 as version, start_date, end_date, updated_at, 0 as o from event
                        union all
                        select id, 'changed', version, start_date, end_date, updated_at, 1 from event where id % 5 = 0) c
                    order by o, id""");
            sql.execute("select setval('event_seq', %d), setval('event_mention_seq', %d)".formatted(eventCount + 100, eventCount * 8L + 100));
            connection.commit();   // checks the deferred representative_mention_id references
            connection.setAutoCommit(true);
            sql.execute("alter table event enable trigger event_entity_sync");
            for (String index : indexes) {
                sql.execute(index);
            }

        }
    }
}
