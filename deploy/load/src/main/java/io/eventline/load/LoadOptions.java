package io.eventline.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one load run does. Every option has a default that runs on a developer machine.
 *
 * @param duration      how long articles are sent
 * @param rate          articles per second to offer; 0 sends as fast as the system accepts
 * @param concurrency   most article requests in flight at once
 * @param dashboards    simulated dashboards polling saved timelines
 * @param timelines     saved timelines the dashboards share
 * @param pollInterval  pause between two polls of one dashboard
 * @param probeEvery    every n-th article is a freshness probe
 * @param drain         how long, after the last article, to wait for probes to become visible
 * @param outputDir     where report.json, report.txt and report.html go
 * @param gatewayUrl    an already running stack's gateway; null starts the local stack
 * @param corpus        the Reuters articles (JSON lines)
 * @param newsroomKey   the key with articles:write
 * @param dashboardKey  the key with timelines:read and timelines:write
 * @param ports         the stack's ports to find its processes by (only with gatewayUrl)
 */
record LoadOptions(
        Duration duration,
        double rate,
        int concurrency,
        int dashboards,
        int timelines,
        Duration pollInterval,
        int probeEvery,
        Duration drain,
        Path outputDir,
        String gatewayUrl,
        Path corpus,
        String newsroomKey,
        String dashboardKey,
        StackPorts ports) {

    /** The ports of an already running stack, for finding its processes in /proc. */
    record StackPorts(int gateway, int ingest, int timeline, int kafka, int postgres) {
        static final StackPorts DEFAULT = new StackPorts(8080, 8081, 8082, 9092, 15432);
    }

    static LoadOptions parse(String[] args, Path projectRoot) {
        Duration duration = Duration.ofSeconds(60);
        double rate = 200;
        int concurrency = 64;
        int dashboards = 100;
        int timelines = 10;
        Duration pollInterval = Duration.ofSeconds(2);
        int probeEvery = 20;
        Duration drain = Duration.ofSeconds(30);
        Path outputDir = projectRoot.resolve("deploy/load/target/load-report");
        String gatewayUrl = null;
        Path corpus = projectRoot.resolve("../shared/corpora/reuters21578/articles.jsonl").normalize();
        String newsroomKey = "dev-newsroom-key";
        String dashboardKey = "dev-dashboard-key";
        StackPorts ports = StackPorts.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException(null);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--duration" -> duration = seconds(option, value);
                case "--rate" -> rate = value.equals("max") ? 0 : positive(option, number(option, value));
                case "--concurrency" -> concurrency = (int) positive(option, integer(option, value));
                case "--dashboards" -> dashboards = (int) atLeastZero(option, integer(option, value));
                case "--timelines" -> timelines = (int) positive(option, integer(option, value));
                case "--poll-interval" -> pollInterval = millis(option, value);
                case "--probe-every" -> probeEvery = (int) positive(option, integer(option, value));
                case "--drain" -> drain = seconds(option, value);
                case "--out" -> outputDir = Path.of(value);
                case "--gateway" -> gatewayUrl = value.replaceAll("/+$", "");
                case "--corpus" -> corpus = Path.of(value);
                case "--newsroom-key" -> newsroomKey = value;
                case "--dashboard-key" -> dashboardKey = value;
                case "--ports" -> ports = ports(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        return new LoadOptions(duration, rate, concurrency, dashboards, timelines, pollInterval, probeEvery, drain,
                outputDir, gatewayUrl, corpus, newsroomKey, dashboardKey, ports);
    }

    static String usage() {
        return """
                usage: deploy/load/run [options]
                  --duration SECONDS      how long articles are sent (60)
                  --rate N|max            articles per second offered, or as fast as accepted (200)
                  --concurrency N         most article requests in flight (64)
                  --dashboards N          dashboards polling saved timelines (100)
                  --timelines N           saved timelines the dashboards share (10)
                  --poll-interval MILLIS  pause between two polls of one dashboard (2000)
                  --probe-every N         every n-th article is a freshness probe (20)
                  --drain SECONDS         wait after the last article for probes to show (30)
                  --out DIR               report.json, report.txt, report.html (deploy/load/target/load-report)
                  --gateway URL           use a running stack (else the local stack is started on free ports)
                  --ports G,I,T,K,P       that stack's gateway, ingest, timeline, Kafka, PostgreSQL ports
                                          for the process figures (8080,8081,8082,9092,15432)
                  --corpus FILE           Reuters JSON lines (../shared/corpora/reuters21578/articles.jsonl)
                  --newsroom-key KEY, --dashboard-key KEY  (dev-newsroom-key, dev-dashboard-key)""";
    }

    private static StackPorts ports(String value) {
        String[] parts = value.split(",");
        if (parts.length != 5) {
            throw new UsageException("--ports needs five ports: gateway,ingest,timeline,kafka,postgres");
        }
        int[] p = new int[5];
        for (int i = 0; i < 5; i++) {
            p[i] = (int) positive("--ports", integer("--ports", parts[i].trim()));
        }
        return new StackPorts(p[0], p[1], p[2], p[3], p[4]);
    }

    private static Duration seconds(String option, String value) {
        return Duration.ofMillis(Math.round(positive(option, number(option, value)) * 1000));
    }

    private static Duration millis(String option, String value) {
        return Duration.ofMillis(integer(option, value));
    }

    private static long integer(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, not '" + value + "'");
        }
    }

    private static double positive(String option, double value) {
        if (!(value > 0)) {
            throw new UsageException(option + " must be above 0");
        }
        return value;
    }

    private static double atLeastZero(String option, double value) {
        if (value < 0) {
            throw new UsageException(option + " must not be negative");
        }
        return value;
    }

    /** A wrong command line: the message, then the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
