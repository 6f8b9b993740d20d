package io.eventline.load;

import io.eventline.local.LocalStack;
import io.eventline.local.StackSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code deploy/load/faults}: starts the local stack on free ports in a fresh data directory, runs the
 * fault scenarios one after the other on it, prints pass/fail per scenario with its counts, and writes
 * faults.txt and faults.json. Exits 1 if a scenario failed.
 */
public final class FaultsDriver {

    private FaultsDriver() {
    }

    /** What one invocation runs. */
    record Options(List<String> scenarios, double rate, Duration outage, Duration settle, Path corpus, boolean synthetic,
                   Path outputDir) {

        static Options parse(String[] args, Path root) {
            List<String> scenarios = FaultScenarios.ALL;
            double rate = 10;
            Duration outage = Duration.ofSeconds(30);
            Duration settle = Duration.ofSeconds(300);
            Path corpus = root.resolve("../shared/corpora/reuters21578/articles.jsonl").normalize();
            boolean synthetic = false;
            Path out = root.resolve("deploy/load/target/faults-report");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--scenarios" -> {
                        String value = value(args, ++i, arg);
                        scenarios = value.equals("all") ? FaultScenarios.ALL
                                : value.equals("quick") ? FaultScenarios.QUICK : Arrays.asList(value.split(","));
                        for (String scenario : scenarios) {
                            if (!FaultScenarios.ALL.contains(scenario)) {
                                throw new IllegalArgumentException("unknown scenario " + scenario + "; known: "
                                        + String.join(", ", FaultScenarios.ALL) + ", quick, all");
                            }
                        }
                    }
                    case "--rate" -> rate = positive(value(args, ++i, arg), arg);
                    case "--outage" -> outage = Duration.ofSeconds((long) positive(value(args, ++i, arg), arg));
                    case "--settle" -> settle = Duration.ofSeconds((long) positive(value(args, ++i, arg), arg));
                    case "--corpus" -> corpus = Path.of(value(args, ++i, arg));
                    case "--synthetic" -> synthetic = true;
                    case "--out" -> out = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(scenarios, rate, outage, settle, corpus, synthetic, out);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static double positive(String value, String option) {
            try {
                double number = Double.parseDouble(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(option + " must be a positive number, not '" + value + "'");
        }
    }

    static String usage() {
        return """
                usage: deploy/load/faults [--scenarios all|quick|NAME,...] [--rate 10] [--outage 30] [--settle 300]
                                          [--synthetic] [--corpus FILE] [--out DIR]
                  scenarios  %s (quick: %s)
                  --rate     articles per second offered during each scenario
                  --outage   seconds the broker / PostgreSQL stay down
                  --settle   longest wait, after the load, for the timeline to reconcile
                  --synthetic  invented articles instead of the Reuters corpus (used anyway where the corpus is absent)"""
                .formatted(String.join(", ", FaultScenarios.ALL), String.join(", ", FaultScenarios.QUICK));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("eventline.root", ".")).toAbsolutePath().normalize();
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(usage());
            return;
        }
        Options options;
        try {
            options = Options.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        List<FaultScenarios.Result> results = run(root, options);
        String report = table(results);
        String settings = String.join("\n",
                "command     deploy/load/faults " + String.join(" ", args),
                "articles    " + articlesDescription(options),
                "options     rate " + FaultScenarios.fmt(options.rate()) + "/s, outage " + options.outage().toSeconds()
                        + " s, settle " + options.settle().toSeconds() + " s");
        write(options.outputDir(), settings, results);
        System.out.println();
        System.out.println(settings);
        System.out.println(report);
        System.out.println("Reports in " + options.outputDir().toAbsolutePath());
        System.exit(results.stream().allMatch(FaultScenarios.Result::passed) ? 0 : 1);
    }

    /** Starts a stack, runs the scenarios, stops the stack; a scenario that throws fails with the exception as its check. */
    static List<FaultScenarios.Result> run(Path root, Options options) throws IOException {
        ReutersCorpus corpus = corpus(options);
        String runId = Long.toString(System.currentTimeMillis(), 36);
        StackSettings settings = LoadDriver.freshStackSettings(root, "eventline-faults");
        System.out.println("Starting the local stack (data and logs in " + settings.dataDir() + ") ...");
        List<FaultScenarios.Result> results = new ArrayList<>();
        // The scenarios check what is lost or doubled, not the per-key rate limits.
        try (LocalStack stack = LocalStack.start(settings, Map.of("EVENTLINE_GATEWAY_RATE_LIMIT_ENABLED", "false"));
             Gateway gateway = new Gateway(settings.gatewayUrl())) {
            // Ctrl-C stops the stack too (close is idempotent: the try block's close after it does nothing).
            Thread stop = new Thread(stack::close, "local-stack-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            FaultScenarios scenarios = new FaultScenarios(stack, gateway, corpus, options.rate(), options.outage(),
                    options.settle(), runId);
            for (String scenario : options.scenarios()) {
                String load = LoadDriver.loadAverage();
                FaultScenarios.Result result;
                try {
                    result = scenarios.run(scenario);
                } catch (Exception | AssertionError e) {
                    e.printStackTrace();
                    result = new FaultScenarios.Result(scenario, Map.of("ran to the end (" + e + ")", false),
                            new ArrayList<>(), null, 0);
                }
                result.figures().add(0, "load average " + load + " before, " + LoadDriver.loadAverage() + " after (1, 5, 15 min)");
                results.add(result);
                System.out.printf(Locale.ROOT, "%s %s%n", result.passed() ? "PASS" : "FAIL", scenario);
            }
        }
        return results;
    }

    private static ReutersCorpus corpus(Options options) {
        if (!options.synthetic() && Files.isRegularFile(options.corpus())) {
            return ReutersCorpus.read(options.corpus(), "");
        }
        return new ReutersCorpus(SyntheticNews.stories(500), "");
    }

    private static String articlesDescription(Options options) {
        return !options.synthetic() && Files.isRegularFile(options.corpus())
                ? "Reuters-21578 (" + options.corpus() + ")" : "invented (SyntheticNews)";
    }

    static String table(List<FaultScenarios.Result> results) {
        StringBuilder out = new StringBuilder();
        for (FaultScenarios.Result result : results) {
            out.append(String.format(Locale.ROOT, "%n%s  %s  (%.0f s)%n", result.passed() ? "PASS" : "FAIL",
                    result.scenario(), result.seconds()));
            result.checks().forEach((check, passed) -> out.append("    ").append(passed ? "ok     " : "FAILED ")
                    .append(check).append('\n'));
            result.figures().forEach(figure -> out.append("    - ").append(figure).append('\n'));
        }
        long passed = results.stream().filter(FaultScenarios.Result::passed).count();
        out.append(String.format(Locale.ROOT, "%n%d of %d scenarios passed%n", passed, results.size()));
        return out.toString();
    }

    private static void write(Path dir, String settings, List<FaultScenarios.Result> results) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("faults.txt"), settings + "\n" + table(results));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", settings.lines().toList());
        json.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("scenarios", results.stream().map(r -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("scenario", r.scenario());
            one.put("passed", r.passed());
            one.put("seconds", r.seconds());
            one.put("checks", r.checks());
            one.put("figures", r.figures());
            one.put("reconciliation", r.reconciliation());
            return one;
        }).toList());
        Files.writeString(dir.resolve("faults.json"), LoadDriver.reportJson().writeValueAsString(json));
    }

}
