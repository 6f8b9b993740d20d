package io.eventline.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: what report.json holds and report.txt and report.html show. */
record RunReport(
        long articlesAccepted,
        double sendingSeconds,
        double acceptedPerSecond,
        RunRecorder.Latency acceptLatency,
        int probesSent,
        long probesVisible,
        int probesNeverVisible,
        RunRecorder.Latency freshness,
        long polls,
        RunRecorder.Latency pollLatency,
        double notModifiedShare,
        long errors,
        Map<String, Long> answersByStatus,
        List<RunRecorder.Point> series,
        List<ProcessUsage> processes) {

    /** The summary as a plain-text table. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-34s %s%n", "articles accepted",
                articlesAccepted + String.format(Locale.ROOT, " in %.1f s = %.1f /s", sendingSeconds, acceptedPerSecond)));
        out.append(row("accept latency", acceptLatency));
        out.append(row("freshness (202 -> visible)", freshness));
        out.append(String.format(Locale.ROOT, "%-34s %d sent, %d visible, %d never visible%n", "freshness probes",
                probesSent, probesVisible, probesNeverVisible));
        out.append(row("poll latency", pollLatency));
        out.append(String.format(Locale.ROOT, "%-34s %d polls, %.1f %% answered 304%n", "polls", polls,
                100 * notModifiedShare));
        out.append(String.format(Locale.ROOT, "%-34s %d%n", "errors", errors));
        out.append(String.format(Locale.ROOT, "%nanswers by request and status%n"));
        answersByStatus.forEach((key, count) -> out.append(String.format(Locale.ROOT, "  %-32s %d%n", key, count)));
        out.append(String.format(Locale.ROOT, "%n%-18s %8s %13s %10s %10s%n", "process", "pid", "peak RSS MB", "CPU s",
                "avg CPU %"));
        for (ProcessUsage p : processes) {
            out.append(String.format(Locale.ROOT, "%-18s %8s %13.0f %10.1f %10.0f%n", p.name(),
                    p.pid() < 0 ? "-" : String.valueOf(p.pid()), p.peakRssMb(), p.cpuSeconds(), p.averageCpuPercent()));
        }
        return out.toString();
    }

    private static String row(String name, RunRecorder.Latency latency) {
        return String.format(Locale.ROOT, "%-34s p50 %s  p95 %s  p99 %s  max %s ms  (n=%d)%n", name,
                ms(latency.p50Ms()), ms(latency.p95Ms()), ms(latency.p99Ms()), ms(latency.maxMs()), latency.count());
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * One process of the stack over the run.
     *
     * @param peakRssMb          the highest resident set sampled (for PostgreSQL: the sum of its processes'
     *                           proportional sets, so its shared buffers count once)
     * @param cpuSeconds         user + system CPU time spent during the run
     * @param averageCpuPercent  that over the run's wall time (100 = one core busy)
     */
    record ProcessUsage(String name, long pid, double peakRssMb, double cpuSeconds, double averageCpuPercent) {
    }
}
