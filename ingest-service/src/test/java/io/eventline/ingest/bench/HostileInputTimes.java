package io.eventline.ingest.bench;

import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.service.ArticleTextNormalizer;
import io.eventline.ingest.service.ExtractionScalingTest;
import io.eventline.ingest.service.NormalizedText;
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
 * Prints how long the production pipeline (normalization, then tagger and event builder: what
 * {@code POST /api/v1/articles} and {@code /api/v1/extract} run) takes on the 1 MB articles of
 * {@link ExtractionScalingTest}, built to be hard: the cases of the issue ("a 1 MB article of
 * digits, dates, or nested punctuation finishes in well under a second") and those that once were
 * super-linear. Not a test (tests bound nothing by the clock); run it on demand, from the project
 * root, with
 * <pre>
 * ./mvnw -pl ingest-service test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.eventline.ingest.bench.HostileInputTimes"
 * </pre>
 * Each case is normalized and extracted once to warm up, then {@value #RUNS} times; the figures
 * are the medians of the working thread's CPU time (wall time in brackets), which a busy machine
 * disturbs far less than the wall time: normalization, extraction, and the two end to end (the
 * median of their sums). The last column is the end-to-end median for the same case at half the
 * size: linear work takes about half the time there.
 */
public final class HostileInputTimes {

    private static final int RUNS = 5;
    private static final int MEGABYTE = 1 << 20;
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 2, 20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ArticleTextNormalizer normalizer = new ArticleTextNormalizer("(?!)");
    private final EventExtractor extractor = ProductionExtraction.extractor();

    private HostileInputTimes() {
    }

    /** The bodies of {@link ExtractionScalingTest} at about {@code size} characters, by name. */
    private static Map<String, String> bodies(int size) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Stream.concat(ExtractionScalingTest.bodies(size), ExtractionScalingTest.onceBroken(size))
                .forEach(arguments -> bodies.put((String) arguments.get()[0], (String) arguments.get()[1]));
        return bodies;
    }

    public static void main(String[] args) {
        new HostileInputTimes().print();
    }

    private void print() {
        Map<String, String> halves = bodies(MEGABYTE / 2);
        System.out.printf(Locale.ROOT, "%-34s %17s %17s %17s %12s %12s%n", "1 MB of", "normalization ms",
                "extraction ms", "end to end ms", "expressions", "at 1/2 MB ms");
        for (Map.Entry<String, String> body : bodies(MEGABYTE).entrySet()) {
            Times whole = times(body.getValue());
            Times half = times(halves.get(body.getKey()));
            System.out.printf(Locale.ROOT, "%-34s %8d (%6d) %8d (%6d) %8d (%6d) %12d %12d%n", body.getKey(),
                    median(whole.normalizationCpu), median(whole.normalizationWall),
                    median(whole.extractionCpu), median(whole.extractionWall),
                    median(whole.endToEndCpu()), median(whole.endToEndWall()), whole.expressions,
                    median(half.endToEndCpu()));
        }
    }

    /** CPU and wall time, in nanoseconds, of each run. */
    private record Times(long[] normalizationCpu, long[] normalizationWall, long[] extractionCpu,
                         long[] extractionWall, int expressions) {

        long[] endToEndCpu() {
            return sum(normalizationCpu, extractionCpu);
        }

        long[] endToEndWall() {
            return sum(normalizationWall, extractionWall);
        }

        private static long[] sum(long[] a, long[] b) {
            long[] sum = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                sum[i] = a[i] + b[i];
            }
            return sum;
        }
    }

    private Times times(String body) {
        long[] normalizationCpu = new long[RUNS];
        long[] normalizationWall = new long[RUNS];
        long[] extractionCpu = new long[RUNS];
        long[] extractionWall = new long[RUNS];
        int expressions = 0;
        for (int run = -1; run < RUNS; run++) { // run -1 warms up
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            NormalizedText text = normalizer.normalize(body);
            long cpu1 = THREADS.getCurrentThreadCpuTime();
            long wall1 = System.nanoTime();
            expressions = extractor.extract(text.text(), PUBLISHED).expressions().size();
            long cpu2 = THREADS.getCurrentThreadCpuTime();
            long wall2 = System.nanoTime();
            if (run >= 0) {
                normalizationCpu[run] = cpu1 - cpu0;
                normalizationWall[run] = wall1 - wall0;
                extractionCpu[run] = cpu2 - cpu1;
                extractionWall[run] = wall2 - wall1;
            }
        }
        return new Times(normalizationCpu, normalizationWall, extractionCpu, extractionWall, expressions);
    }

    /** The median, in milliseconds. */
    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000;
    }
}
