package io.eventline.ingest.service;

import io.eventline.ingest.extraction.EventExtractor;
import io.eventline.ingest.extraction.Extraction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pathological 1 MB bodies (the size limit is 2 MB) must be normalized and extracted in about
 * the time of any 1 MB text. The bound is generous, so this fails only on super-linear behaviour
 * (a backtracking regex, an all-pairs loop), not on a slow machine; the times are printed.
 *
 * <p>The bound is 10 s of the test thread's CPU time, a safety net: each case takes well under a
 * second of CPU (figures and the command that measures them: {@code bench.HostileInputTimes} and
 * the README), so only super-linear work can reach it, whatever the machine's load.
 */
public class ExtractionScalingTest {

    private static final int MEGABYTE = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 2, 20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ArticleTextNormalizer normalizer =
            new ArticleTextNormalizer("(?is)To contact the WSWS.{0,300}?wsws[.]org/contact");
    private final EventExtractor extractor = ProductionExtraction.extractor();

    /** Compiled code, not the interpreter, is what must be linear: warm up on a normal text first. */
    @BeforeAll
    static void warmUp() {
        ArticleTextNormalizer normalizer = new ArticleTextNormalizer("(?!)");
        EventExtractor extractor = ProductionExtraction.extractor();
        String text = "On February 3, 2025, in 1846, the 1930s and from April to November 1914. 10,000 troops. ";
        for (int i = 0; i < 200; i++) {
            extractor.extract(normalizer.normalizeBody(text.repeat(20)), PUBLISHED);
        }
    }

    /** Also the bodies of {@code bench.HostileInputTimes}, which measures their times. */
    public static Stream<Arguments> bodies() {
        return bodies(MEGABYTE);
    }

    /** The bodies of {@link #bodies()} at about {@code size} characters each. */
    public static Stream<Arguments> bodies(int size) {
        return Stream.of(
                Arguments.of("digits", repeat("0123456789", size)),
                Arguments.of("digits and spaces", repeat("1846 2025 10000 ", size)),
                Arguments.of("digits and slashes", repeat("12/31/2025/", size)),
                Arguments.of("nested brackets", nested("", size)),
                Arguments.of("full stops", repeat(". ", size)),
                Arguments.of("one long word", repeat("Wednesday", size)),
                Arguments.of("no sentence end", repeat("the talks that began on Monday in 1990 went on and ", size)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void shouldHandleAMegabyteOfPathologicalTextInLinearTime(String name, String body) {
        // CPU time of this thread: on a CI machine running other builds the wall time of a
        // sub-second extraction reached 15 s (load average 44 on 2 cores), which says nothing of
        // the extractor; its CPU time grows only with the work it does
        long started = THREADS.getCurrentThreadCpuTime();
        String text = normalizer.normalizeBody(body);
        long normalized = THREADS.getCurrentThreadCpuTime();
        Extraction extraction = extractor.extract(text, PUBLISHED);
        long extracted = THREADS.getCurrentThreadCpuTime();

        Duration normalization = Duration.ofNanos(normalized - started);
        Duration extractionTime = Duration.ofNanos(extracted - normalized);
        System.out.printf(Locale.ROOT, "1 MB of %-22s normalized in %5d ms, extracted in %5d ms of CPU (%d expressions)%n",
                name, normalization.toMillis(), extractionTime.toMillis(), extraction.expressions().size());
        assertThat(normalization).as("normalization of 1 MB of %s", name).isLessThan(BOUND);
        assertThat(extractionTime).as("extraction of 1 MB of %s", name).isLessThan(BOUND);
    }

    /**
     * Inputs that once broke extraction (measured 2026-11-21): many dates in one "sentence" took
     * quadratic time and memory (47 s for 64 KB; each dateline check scanned the whole line, each
     * event copied the whole run), and a date on a line of ~10,000 punctuation marks threw
     * StackOverflowError in a recursive regex. Now a dateline check looks at most a dateline's
     * length, a clause longer than a news clause is cut into a window per date, and an article
     * yields at most {@code EventBuilder.MOST_EVENTS} events.
     *
     * <p>Also quadratic until 2026-11-21 (35 to 49 s each): weekdays in one long sentence full of
     * tense cues (each weekday compared its distance to every cue of the sentence) and a long run
     * of ranges (each range looked up its two dates among all expressions).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("onceBroken")
    void shouldHandleAMegabyteOfWhatOnceBrokeItInLinearTime(String name, String body) {
        shouldHandleAMegabyteOfPathologicalTextInLinearTime(name, body);
    }

    public static Stream<Arguments> onceBroken() {
        return onceBroken(MEGABYTE);
    }

    /** The bodies of {@link #onceBroken()} at about {@code size} characters each. */
    public static Stream<Arguments> onceBroken(int size) {
        return Stream.of(
                Arguments.of("repeated dates", repeat("3 Feb 2025, ", size)),
                Arguments.of("repeated month names", repeat("in January, in March, ", size)),
                Arguments.of("nested punctuation around a date", nested("on 3 February 2025.", size)),
                Arguments.of("weekdays among tense cues", repeat("he said on Monday, ", size)),
                Arguments.of("past weekdays", repeat("was Friday ", size)),
                Arguments.of("ranges", repeat("from 1990 to 1991, ", size)));
    }

    private static String repeat(String unit, int size) {
        return unit.repeat(size / unit.length());
    }

    /** "(([[{{ ... }}]]))" around the core, nested as deep as {@code size} allows. */
    private static String nested(String core, int size) {
        String open = "([{\"'«";
        String close = "»'\"}])";
        int depth = (size - core.length()) / (open.length() + close.length());
        return open.repeat(depth) + core + close.repeat(depth);
    }
}
