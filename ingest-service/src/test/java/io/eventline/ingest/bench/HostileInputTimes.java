package io.eventline.ingest.bench;

import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.service.ArticleTextNormalizer;
import io.eventline.ingest.service.ExtractionScalingTest;
import io.eventline.ingest.service.ProductionExtraction;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints how long the production pipeline (normalization, then tagger and event builder) takes on
 * the 1 MB articles of {@link ExtractionScalingTest}, built to be hard: the cases of the issue ("a 1
 * MB article of digits, dates, or nested punctuation finishes in well under a second") and those
 * that once were super-linear. Not a test (tests bound nothing by the clock); run it on
 * demand, from the project root, with
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.ingest.bench.HostileInputTimes"
 * </pre>
 * Each case is normalized and extracted once to warm up, then {@value #RUNS} times; the figures
 * are the medians of the extracting thread's CPU time (wall time in brackets), which a busy
 * machine disturbs far less than the wall time.
 */
public final class HostileInputTimes {

    private static final int RUNS = 5;
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 2, 20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private HostileInputTimes() {
    }

    /** The 1 MB bodies of {@link ExtractionScalingTest}, by name. */
    private static Map<String, String> bodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        Stream.concat(ExtractionScalingTest.bodies(), ExtractionScalingTest.onceBroken())
                .forEach(arguments -> bodies.put((String) arguments.get()[0], (String) arguments.get()[1]));
        return bodies;
    }

    public static void main(String[] args) {
        ArticleTextNormalizer normalizer = new ArticleTextNormalizer("(?!)");
        EventExtractor extractor = ProductionExtraction.extractor();
        System.out.printf(Locale.ROOT, "%-34s %22s %22s %12s%n", "1 MB of", "normalization CPU ms", "extraction CPU ms",
                "expressions");
        for (Map.Entry<String, String> body : bodies().entrySet()) {
            long[] normalizationCpu = new long[RUNS];
            long[] normalizationWall = new long[RUNS];
            long[] extractionCpu = new long[RUNS];
            long[] extractionWall = new long[RUNS];
            int expressions = 0;
            for (int run = -1; run < RUNS; run++) { // run -1 warms up
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                String text = normalizer.normalizeBody(body.getValue());
                long cpu1 = THREADS.getCurrentThreadCpuTime();
                long wall1 = System.nanoTime();
                expressions = extractor.extract(text, PUBLISHED).expressions().size();
                long cpu2 = THREADS.getCurrentThreadCpuTime();
                long wall2 = System.nanoTime();
                if (run >= 0) {
                    normalizationCpu[run] = cpu1 - cpu0;
                    normalizationWall[run] = wall1 - wall0;
                    extractionCpu[run] = cpu2 - cpu1;
                    extractionWall[run] = wall2 - wall1;
                }
            }
            System.out.printf(Locale.ROOT, "%-34s %12d (%7d) %12d (%7d) %12d%n", body.getKey(),
                    medianMillis(normalizationCpu), medianMillis(normalizationWall),
                    medianMillis(extractionCpu), medianMillis(extractionWall), expressions);
        }
    }

    private static long medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000;
    }
}
