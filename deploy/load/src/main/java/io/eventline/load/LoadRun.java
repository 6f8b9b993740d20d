package io.eventline.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One load run against a gateway: the newsroom sends Reuters articles at the offered rate, the
 * dashboards poll their saved timelines and follow the change feeds, and the probe watcher times
 * when probe articles become visible.
 *
 * <p><b>Freshness</b> is measured on probes: every n-th article is sent with its own outlet name
 * ({@code source}: "Reuters probe <run>"), and a saved timeline filtered on that outlet is followed
 * through the gateway's change feed every {@value #PROBE_FEED_INTERVAL_MS} ms. A probe is visible when an
 * event listing the probe among its sources comes in the feed; its freshness is the time from its
 * {@code 202} to that feed answer (so it is overstated by up to one feed interval). Probes whose
 * {@code 202} says they have no events are not counted: they never show.
 */
final class LoadRun {

    static final long PROBE_FEED_INTERVAL_MS = 100;
    private static final int SETUP_SECONDS = 120;
    private static final String ARTICLES = "/api/v1/articles";
    private static final String TIMELINES = "/api/v1/timelines";

    private final LoadOptions options;
    private final Gateway gateway;
    private final ReutersCorpus corpus;
    private final RunRecorder recorder;
    private final ProcessSampler sampler;
    private final String probeSource;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "load-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final ProbeBook probes = new ProbeBook();
    private final AtomicLong backlog = new AtomicLong();
    private final List<String> createdTimelines = new ArrayList<>();
    private volatile boolean polling = true;
    /** Dashboard and probe reads under way, waited for before the timelines they read are deleted. */
    private final AtomicInteger readsInFlight = new AtomicInteger();
    private int ticks;

    LoadRun(LoadOptions options, Gateway gateway, ReutersCorpus corpus, RunRecorder recorder, ProcessSampler sampler,
            String runId) {
        this.options = options;
        this.gateway = gateway;
        this.corpus = corpus;
        this.recorder = recorder;
        this.sampler = sampler;
        this.probeSource = ReutersCorpus.SOURCE + " probe " + runId;
    }

    RunReport run() throws InterruptedException {
        warmUp();
        List<String> timelines = createTimelines();
        String probeTimeline = createTimeline(Map.of("name", "load probes " + probeSource, "sources", List.of(probeSource)));
        sampler.startCounting();
        long start = System.nanoTime();
        scheduler.scheduleAtFixedRate(() -> tick(start), 1, 1, TimeUnit.SECONDS);
        new ProbeWatcher(probeTimeline).start();
        for (int i = 0; i < options.dashboards(); i++) {
            Dashboard dashboard = new Dashboard(timelines.get(i % timelines.size()));
            // Spread the first polls over one interval, as real dashboards opened at different times.
            scheduler.schedule(dashboard::poll, options.pollInterval().toMillis() * i / Math.max(1, options.dashboards()),
                    TimeUnit.MILLISECONDS);
        }
        double sendingSeconds = sendArticles(start);
        long drainUntil = System.nanoTime() + options.drain().toNanos();
        System.out.printf(Locale.ROOT, "articles sent; waiting up to %d s for %d probes to show%n",
                options.drain().toSeconds(), probes.waiting());
        while (probes.waiting() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(200);
        }
        polling = false;
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        long readsDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(35);
        while (readsInFlight.get() > 0 && System.nanoTime() < readsDeadline) {
            Thread.sleep(50);
        }
        recorder.tick((System.nanoTime() - start) / 1e9, 0, probes.waiting());
        sampler.sample();
        deleteTimelines();
        return recorder.report(sendingSeconds, probes.counted(), probes.waiting(), sampler.usage());
    }

    /**
     * Sends one article (not counted) until it is accepted: the first article of a fresh stack creates the
     * Kafka topic and warms the extractor, which is start-up, not load.
     */
    private void warmUp() throws InterruptedException {
        ObjectNode article = corpus.article(0, ReutersCorpus.SOURCE);
        article.put("id", article.get("id").asText() + "-warm-up");
        untilAnswered("the warm-up article", 202, () -> gateway.post(ARTICLES, options.newsroomKey(), article));
    }

    /**
     * A set-up request, sent again (each second, for up to {@value #SETUP_SECONDS} s) until it gets the
     * expected status: a stack just started, or a busy machine, may answer 503 for a while.
     */
    private Gateway.Answer untilAnswered(String what, int expected, Supplier<CompletableFuture<Gateway.Answer>> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETUP_SECONDS);
        Gateway.Answer answer = request.get().join();
        while (answer.status() != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was answered " + answer.status() + " for " + SETUP_SECONDS
                        + " s: " + new String(answer.body(), StandardCharsets.UTF_8));
            }
            System.out.println("set-up: " + what + " answered " + answer.status() + ", trying again");
            Thread.sleep(1000);
            answer = request.get().join();
        }
        return answer;
    }

    /** Sends articles until the duration is over; returns the seconds from the first send to the last answer. */
    private double sendArticles(long start) throws InterruptedException {
        RatePacer pacer = new RatePacer(options.rate());
        Semaphore inFlight = new Semaphore(options.concurrency());
        long end = start + options.duration().toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            long elapsed = System.nanoTime() - start;
            long due = pacer.dueBy(elapsed);
            if (n >= due) {
                long waitNanos = pacer.dueAt(n) - elapsed;
                TimeUnit.NANOSECONDS.sleep(Math.max(50_000, waitNanos));
                continue;
            }
            backlog.set(options.rate() == 0 ? 0 : due - n);
            if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            send(n++, inFlight);
        }
        backlog.set(0);
        inFlight.acquire(options.concurrency());
        return (System.nanoTime() - start) / 1e9;
    }

    private void send(long n, Semaphore inFlight) {
        boolean probe = n % options.probeEvery() == 0;
        ObjectNode article = corpus.article(n, probe ? probeSource : ReutersCorpus.SOURCE);
        String id = article.get("id").asText();
        if (probe) {
            probes.sent(id);
        }
        gateway.post(ARTICLES, options.newsroomKey(), article).whenComplete((answer, failure) -> {
            try {
                if (answer != null && answer.status() == 202) {
                    recorder.accepted(answer.micros());
                    if (probe) {
                        probes.answered(id, System.nanoTime(), answer.json().path("events").asInt(0) > 0)
                                .ifPresent(nanos -> recorder.visible(nanos / 1000));
                    }
                } else {
                    recorder.articleRefused(answer == null ? 0 : answer.status());
                    if (probe) {
                        probes.answered(id, System.nanoTime(), false);
                    }
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private void tick(long start) {
        try {
            sampler.sample();
            RunRecorder.Point p = recorder.tick((System.nanoTime() - start) / 1e9, backlog.get(), probes.waiting());
            if (++ticks % 5 == 0) {
                System.out.printf(Locale.ROOT,
                        "t=%4.0fs  accepted %6.1f/s  accept p99 %s ms  backlog %d  polls %5.1f/s p99 %s ms  freshness p99 %s ms"
                                + "  probes waiting %d  errors %.0f/s%n",
                        p.atSeconds(), p.acceptedPerSecond(), ms(p.acceptP99Ms()), p.backlog(), p.pollsPerSecond(),
                        ms(p.pollP99Ms()), ms(p.freshnessP99Ms()), p.probesWaiting(), p.errorsPerSecond());
            }
        } catch (RuntimeException e) {
            System.err.println("progress: " + e);
        }
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** The dashboards' saved timelines: one calendar month of 1987 each, the corpus' year. */
    private List<String> createTimelines() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < options.timelines(); i++) {
            String month = String.format(Locale.ROOT, "1987-%02d", 2 + i % 9);
            ids.add(createTimeline(Map.of("name", "load " + month + " #" + i, "from", month, "to", month)));
        }
        return ids;
    }

    private String createTimeline(Map<String, Object> definition) throws InterruptedException {
        Gateway.Answer answer = untilAnswered("saving a timeline", 201,
                () -> gateway.post(TIMELINES, options.dashboardKey(), definition));
        String id = answer.json().path("id").asText();
        createdTimelines.add(id);
        return id;
    }

    private void deleteTimelines() {
        createdTimelines.forEach(id -> gateway.delete(TIMELINES + "/" + id, options.dashboardKey()).join());
    }

    /** The feed position of one timeline: its cursor and the ETag of its last answer. */
    private final class Feed {
        private final String timeline;
        private final String what;
        private String cursor;
        private String etag;

        Feed(String timeline, String what) {
            this.timeline = timeline;
            this.what = what;
        }

        String path() {
            return TIMELINES + "/" + timeline + "/changes"
                    + (cursor == null ? "" : "?limit=1000&since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }

        /** Takes in an answer; returns its changes when it brought some, and whether more are waiting. */
        JsonNode accept(Gateway.Answer answer) {
            if (answer.status() == 200) {
                JsonNode page = answer.json();
                cursor = page.path("cursor").asText(null);
                etag = answer.etag();
                return page;
            }
            if (answer.status() == 410) {
                cursor = null; // expired: start again from now
                etag = null;
            }
            return null;
        }
    }

    /** A dashboard: reads the first page of its timeline with If-None-Match, then the timeline's change feed. */
    private final class Dashboard {
        private final String timeline;
        private final Feed feed;
        private String eventsEtag;

        Dashboard(String timeline) {
            this.timeline = timeline;
            this.feed = new Feed(timeline, "GET changes");
        }

        void poll() {
            if (!polling) {
                return;
            }
            readsInFlight.incrementAndGet();
            gateway.get(TIMELINES + "/" + timeline + "/events?limit=50", options.dashboardKey(), eventsEtag)
                    .thenCompose(events -> {
                        recorder.polled("GET events", events.status(), events.micros());
                        if (events.status() == 200) {
                            eventsEtag = events.etag();
                        }
                        return gateway.get(feed.path(), options.dashboardKey(), feed.etag);
                    })
                    .whenComplete((changes, failure) -> {
                        if (changes != null) {
                            recorder.polled(feed.what, changes.status(), changes.micros());
                            feed.accept(changes);
                        }
                        readsInFlight.decrementAndGet();
                        if (polling) {
                            scheduler.schedule(this::poll, options.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        }
                    });
        }
    }

    /** Follows the probe timeline's change feed and marks each probe visible when its event comes. */
    private final class ProbeWatcher {
        private final Feed feed;

        ProbeWatcher(String probeTimeline) {
            this.feed = new Feed(probeTimeline, "GET probe changes");
        }

        void start() throws InterruptedException {
            // The first read, without a cursor, only fixes where the feed starts.
            feed.accept(untilAnswered("the probe timeline's change feed", 200,
                    () -> gateway.get(feed.path(), options.dashboardKey(), null)));
            read();
        }

        private void read() {
            if (!polling) {
                return;
            }
            readsInFlight.incrementAndGet();
            gateway.get(feed.path(), options.dashboardKey(), feed.etag).whenComplete((answer, failure) -> {
                long now = System.nanoTime();
                boolean more = false;
                if (answer != null) {
                    if (answer.status() != 200 && answer.status() != 304) {
                        recorder.otherError(feed.what, answer.status());
                    }
                    JsonNode page = feed.accept(answer);
                    if (page != null) {
                        page.path("changes").forEach(change -> change.path("event").path("sources")
                                .forEach(source -> visible(source.path("articleId").asText(), now)));
                        more = page.path("more").asBoolean(false);
                    }
                }
                readsInFlight.decrementAndGet();
                if (polling) {
                    scheduler.schedule(this::read, more ? 0 : PROBE_FEED_INTERVAL_MS, TimeUnit.MILLISECONDS);
                }
            });
        }

        private void visible(String articleId, long now) {
            probes.seen(articleId, now).ifPresent(nanos -> recorder.visible(nanos / 1000));
        }
    }
}
