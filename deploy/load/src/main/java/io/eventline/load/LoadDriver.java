package io.eventline.load;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.eventline.infra.Ports;
import io.eventline.local.LocalStack;
import io.eventline.local.StackSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code deploy/load/run}: starts the local stack (or uses a running one), runs the load, and writes
 * report.txt, report.json and report.html (figures only: no article text) to the output directory.
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("eventline.root", ".")).toAbsolutePath().normalize();
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, root);
        } catch (LoadOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(LoadOptions.usage());
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        if (!Files.isRegularFile(options.corpus())) {
            System.out.println("Skipped: no Reuters corpus at " + options.corpus()
                    + " (research use only, not shipped; give another with --corpus).");
            return;
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);
        ReutersCorpus corpus = ReutersCorpus.read(options.corpus(), runId);
        System.out.printf(Locale.ROOT, "%d Reuters articles read from %s%n", corpus.size(), options.corpus());
        String loadBefore = loadAverage();
        ProcessSampler sampler = new ProcessSampler();
        LocalStack stack = null;
        String gatewayUrl = options.gatewayUrl();
        if (gatewayUrl == null) {
            stack = startStack(root, sampler);
            gatewayUrl = stack.settings().gatewayUrl();
        } else {
            LoadOptions.StackPorts p = options.ports();
            watch(sampler, p.gateway(), p.ingest(), p.timeline(), p.kafka(), p.postgres());
        }
        sampler.watch("load driver", ProcessHandle.current().pid(), false);
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RunReport report;
        try (Gateway gateway = new Gateway(gatewayUrl)) {
            System.out.printf(Locale.ROOT, "Load: %s for %d s against %s, %d dashboards on %d timelines%n",
                    options.rate() == 0 ? "as fast as accepted" : options.rate() + " articles/s",
                    options.duration().toSeconds(), gatewayUrl, options.dashboards(), options.timelines());
            report = new LoadRun(options, gateway, corpus, new RunRecorder(), sampler, runId).run();
        } finally {
            if (stack != null) {
                System.out.println("Stopping the local stack ...");
                stack.close();
            }
        }
        String settings = String.join("\n",
                "command     deploy/load/run " + String.join(" ", args),
                "started     " + started + " on " + Runtime.getRuntime().availableProcessors() + " cores",
                "gateway     " + gatewayUrl + (stack != null ? " (local stack started by the driver)" : ""),
                "load avg    before " + loadBefore + ", after " + loadAverage() + " (1, 5, 15 min)",
                "options     rate " + (options.rate() == 0 ? "max" : options.rate()) + "/s, duration " + options.duration().toSeconds()
                        + " s, concurrency " + options.concurrency() + ", dashboards " + options.dashboards()
                        + ", timelines " + options.timelines() + ", poll interval " + options.pollInterval().toMillis()
                        + " ms, probe every " + options.probeEvery() + ", drain " + options.drain().toSeconds() + " s");
        write(options.outputDir(), settings, report);
        System.out.println();
        System.out.println(settings);
        System.out.println();
        System.out.println(report.table());
        System.out.println("Reports in " + options.outputDir().toAbsolutePath());
    }

    /** The local stack on free ports in a fresh data directory, so a run never meets another's data or ports. */
    private static LocalStack startStack(Path root, ProcessSampler sampler) throws IOException {
        StackSettings settings = freshStackSettings(root, "eventline-load");
        System.out.println("Starting the local stack (data in " + settings.dataDir() + ") ...");
        long begin = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.printf(Locale.ROOT, "Local stack ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        watch(sampler, settings.gatewayPort(), settings.ingestPort(), settings.timelinePort(), settings.kafkaPort(),
                settings.postgresPort());
        return stack;
    }

    /** The stack's settings from this environment, but every port free and the data in a new temporary directory. */
    static StackSettings freshStackSettings(Path root, String dataDirPrefix) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("EVENTLINE_DATA_DIR", Files.createTempDirectory(dataDirPrefix).toString());
        for (String port : new String[] {"GATEWAY", "INGEST", "TIMELINE", "KAFKA", "KAFKA_CONTROLLER", "POSTGRES"}) {
            env.put("EVENTLINE_" + port + "_PORT", String.valueOf(Ports.free()));
        }
        return StackSettings.fromEnvironment(root, env);
    }

    private static void watch(ProcessSampler sampler, int gateway, int ingest, int timeline, int kafka, int postgres) {
        sampler.watchListener("api-gateway", gateway, false);
        sampler.watchListener("ingest-service", ingest, false);
        sampler.watchListener("timeline-service", timeline, false);
        sampler.watchListener("kafka broker", kafka, false);
        sampler.watchListener("postgresql", postgres, true);
    }

    static void write(Path dir, String settings, RunReport report) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.txt"), settings + "\n\n" + report.table());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", settings.lines().toList());
        json.put("report", report);
        Files.writeString(dir.resolve("report.json"), reportJson().writeValueAsString(json));
        Files.writeString(dir.resolve("report.html"), HtmlReport.render("Eventline load run", settings, report));
    }

    /** JSON with NaN (nothing measured) as null, which JSON can say. */
    static ObjectMapper reportJson() {
        JsonSerializer<Double> nanAsNull = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
                if (value == null || value.isNaN() || value.isInfinite()) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
        };
        return new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(Double.class, nanAsNull).addSerializer(double.class, nanAsNull))
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
