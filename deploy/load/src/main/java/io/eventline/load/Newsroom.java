package io.eventline.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A newsroom under a fault: sends articles at an offered rate through the gateway, as a client that
 * follows the API's advice would: an article answered anything but {@code 202} is sent again after
 * {@value #RETRY_AFTER_MS} ms (a {@code 503} says "send it again"), until {@link #stopRetrying()}.
 * Every {@code retractEvery}-th accepted article is retracted shortly after its {@code 202}. Every
 * {@code 202} goes into the {@link Ledger}; every answer into the attempt log, with when it was sent and answered.
 */
final class Newsroom {

    static final long RETRY_AFTER_MS = 1000;
    private static final long RETRACT_AFTER_MS = 500;
    private static final String ARTICLES = "/api/v1/articles";

    /** One request and its answer; times from {@link System#nanoTime()}; status 0: no answer. */
    record Attempt(String what, String articleId, long sentNanos, long answeredNanos, int status) {
    }

    private final Gateway gateway;
    private final String key;
    private final Ledger ledger;
    private final int retractEvery;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newsroom");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MOST_PENDING = 256;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong acceptedCount = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private volatile boolean retrying = true;
    private volatile boolean sending;
    private Thread sender;

    Newsroom(Gateway gateway, String key, Ledger ledger, int retractEvery) {
        this.gateway = gateway;
        this.key = key;
        this.ledger = ledger;
        this.retractEvery = retractEvery;
    }

    /**
     * Starts sending {@code article(n)}, n = 0, 1, ..., at {@code rate} per second until {@link #stopSending()};
     * started again, it goes on from the next n.
     */
    void start(double rate, LongFunction<ObjectNode> article) {
        sending = true;
        RatePacer pacer = new RatePacer(rate);
        sender = new Thread(() -> {
            long start = System.nanoTime();
            long first = sent.get();
            while (sending) {
                long waitNanos = pacer.dueAt(sent.get() - first) - (System.nanoTime() - start);
                if (waitNanos > 0) {
                    sleepNanos(Math.min(waitNanos, 100_000_000L));
                    continue;
                }
                if (pending.get() >= MOST_PENDING) {
                    sleepNanos(10_000_000L); // a stalled stack: fall behind rather than pile up requests
                    continue;
                }
                publish(article.apply(sent.getAndIncrement()));
            }
        }, "newsroom-sender");
        sender.setDaemon(true);
        sender.start();
    }

    void stopSending() throws InterruptedException {
        sending = false;
        if (sender != null) {
            sender.join();
        }
    }

    /** Sends the article (again after each refusal) and completes with its {@code 202}, or with the last refusal. */
    CompletableFuture<Gateway.Answer> publish(ObjectNode article) {
        String id = article.get("id").asText();
        String title = article.get("title").asText();
        CompletableFuture<Gateway.Answer> done = new CompletableFuture<>();
        pending.incrementAndGet();
        attempt("POST article", id, () -> gateway.post(ARTICLES, key, article), answer -> {
            int events = answer.json().path("events").asInt();
            ledger.accepted(id, answer.json().path("version").asLong(), events, title);
            if (retractEvery > 0 && acceptedCount.incrementAndGet() % retractEvery == 0) {
                pending.incrementAndGet();
                scheduler.schedule(() -> retract(id), RETRACT_AFTER_MS, TimeUnit.MILLISECONDS);
            }
        }, done);
        return done;
    }

    private void retract(String id) {
        String path = ARTICLES + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        attempt("DELETE article", id, () -> gateway.delete(path, key),
                answer -> ledger.retracted(id, answer.json().path("version").asLong()), new CompletableFuture<>());
    }

    private void attempt(String what, String id, Supplier<CompletableFuture<Gateway.Answer>> request,
                         Consumer<Gateway.Answer> onAccepted, CompletableFuture<Gateway.Answer> done) {
        long sent = System.nanoTime();
        request.get().whenComplete((answer, failure) -> {
            int status = answer == null ? 0 : answer.status();
            attempts.add(new Attempt(what, id, sent, System.nanoTime(), status));
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status == 202) {
                try {
                    onAccepted.accept(answer);
                } finally {
                    pending.decrementAndGet();
                    done.complete(answer);
                }
            } else if (retrying) {
                scheduler.schedule(() -> attempt(what, id, request, onAccepted, done), RETRY_AFTER_MS, TimeUnit.MILLISECONDS);
            } else {
                ledger.gaveUp(id);
                pending.decrementAndGet();
                done.complete(answer);
            }
        });
    }

    /** Waits until every request (retries and retractions included) has its final answer; false at the timeout. */
    boolean awaitSettled(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (pending.get() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** From now on a refused request is not sent again: its article becomes unresolved. */
    void stopRetrying() {
        retrying = false;
    }

    int pending() {
        return pending.get();
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Answers by status (0: no answer), retries included. */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    void close() {
        sending = false;
        scheduler.shutdownNow();
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
