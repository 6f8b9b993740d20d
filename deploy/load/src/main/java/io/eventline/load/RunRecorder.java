package io.eventline.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything measured during a run, recorded from any thread without locks (HdrHistogram recorders,
 * adders), and turned once per second into a point of the run's time series ({@link #tick}) and at
 * the end into totals ({@link #report}). No I/O: the workloads feed it, the report reads it.
 */
final class RunRecorder {

    /** Latencies are recorded in microseconds, up to an hour, at 3 significant digits. */
    private static final long HIGHEST = 3_600_000_000L;

    private final Recorder accept = new Recorder(HIGHEST, 3);
    private final Recorder poll = new Recorder(HIGHEST, 3);
    private final Recorder freshness = new Recorder(HIGHEST, 3);
    private final Histogram acceptTotal = new Histogram(HIGHEST, 3);
    private final Histogram pollTotal = new Histogram(HIGHEST, 3);
    private final Histogram freshnessTotal = new Histogram(HIGHEST, 3);
    private final LongAdder notModified = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final List<Point> series = new ArrayList<>();
    private Histogram acceptInterval;
    private Histogram pollInterval;
    private Histogram freshnessInterval;
    private long errorsSeen;
    private double lastTick;

    /** An article answered 202 after {@code micros}. */
    void accepted(long micros) {
        accept.recordValue(clamp(micros));
        status("POST /articles", 202);
    }

    /** An article answered something else (or no answer: status 0). */
    void articleRefused(int status) {
        errors.increment();
        status("POST /articles", status);
    }

    /** A dashboard's read answered; 200 and 304 are answers, anything else is an error. */
    void polled(String what, int status, long micros) {
        status(what, status);
        if (status == 200 || status == 304) {
            poll.recordValue(clamp(micros));
            if (status == 304) {
                notModified.increment();
            }
        } else {
            errors.increment();
        }
    }

    /** Some other request of the driver's own (setup, probes) that failed. */
    void otherError(String what, int status) {
        errors.increment();
        status(what, status);
    }

    /** A probe article's event became visible {@code micros} after its 202. */
    void visible(long micros) {
        freshness.recordValue(clamp(micros));
    }

    /**
     * Closes the second that ends {@code atSeconds} after the start: its rates and percentiles become a
     * point of the series. {@code backlog} and {@code probesWaiting} are the driver's own gauges.
     */
    synchronized Point tick(double atSeconds, long backlog, int probesWaiting) {
        acceptInterval = accept.getIntervalHistogram(acceptInterval);
        pollInterval = poll.getIntervalHistogram(pollInterval);
        freshnessInterval = freshness.getIntervalHistogram(freshnessInterval);
        acceptTotal.add(acceptInterval);
        pollTotal.add(pollInterval);
        freshnessTotal.add(freshnessInterval);
        double seconds = Math.max(1e-3, atSeconds - lastTick);
        long errorsNow = errors.sum();
        Point point = new Point(atSeconds,
                acceptInterval.getTotalCount() / seconds,
                millis(acceptInterval, 50), millis(acceptInterval, 99),
                pollInterval.getTotalCount() / seconds, millis(pollInterval, 99),
                millis(freshnessInterval, 99),
                (errorsNow - errorsSeen) / seconds, backlog, probesWaiting);
        errorsSeen = errorsNow;
        lastTick = atSeconds;
        series.add(point);
        return point;
    }

    /**
     * The totals. Throughput is the articles accepted over {@code sendingSeconds}, the time articles
     * were being sent; the time series covers the whole run including the drain.
     */
    synchronized RunReport report(double sendingSeconds, int probesSent, int probesNeverVisible,
                                  List<RunReport.ProcessUsage> processes) {
        long polls = pollTotal.getTotalCount();
        Map<String, Long> byStatus = new TreeMap<>();
        statuses.forEach((key, count) -> byStatus.put(key, count.sum()));
        return new RunReport(
                acceptTotal.getTotalCount(),
                sendingSeconds,
                acceptTotal.getTotalCount() / Math.max(1e-3, sendingSeconds),
                Latency.of(acceptTotal),
                probesSent,
                freshnessTotal.getTotalCount(),
                probesNeverVisible,
                Latency.of(freshnessTotal),
                polls,
                Latency.of(pollTotal),
                polls == 0 ? 0 : (double) notModified.sum() / polls,
                errors.sum(),
                byStatus,
                List.copyOf(series),
                processes);
    }

    private void status(String what, int status) {
        statuses.computeIfAbsent(what + " " + (status == 0 ? "no-answer" : status), key -> new LongAdder()).increment();
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(HIGHEST, micros));
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One second of the run. NaN where nothing was measured in that second. */
    record Point(double atSeconds, double acceptedPerSecond, double acceptP50Ms, double acceptP99Ms,
                 double pollsPerSecond, double pollP99Ms, double freshnessP99Ms, double errorsPerSecond,
                 long backlog, int probesWaiting) {
    }

    /** Percentiles in milliseconds (NaN when there is no measurement). */
    record Latency(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
        static Latency of(Histogram h) {
            return new Latency(h.getTotalCount(), millis(h, 50), millis(h, 95), millis(h, 99),
                    h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0);
        }
    }
}
