package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.TemporalTagger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The temporal-tagger evaluation command and its ratchet:
 * {@code ./mvnw -pl ingest-service test -Dtest=TimexEvaluationTest}.
 *
 * <p>Scores {@link TaggerUnderEvaluation#current()} on TBAQ-cleaned and WikiWars with the
 * TempEval-3 rules, prints the figures, writes the full report with the error listing to
 * {@code target/timex-evaluation.txt}, and fails if any figure drops below its floor in
 * {@code evaluation/floors.properties}. Without the corpora (see {@link SharedCorpora}) it is
 * skipped with the reason printed.
 */
class TimexEvaluationTest {

    private static final Path REPORT = Path.of("target", "timex-evaluation.txt");
    private static final String TBAQ = "tbaq-cleaned";
    private static final String WIKIWARS = "wikiwars-tml";

    @Test
    void shouldNotFallBelowTheFloors() throws IOException {
        Path corpora = SharedCorpora.folderWith(TBAQ, WIKIWARS).orElseGet(() -> {
            String reason = "skipped: " + SharedCorpora.absence(TBAQ, WIKIWARS);
            System.out.println(reason);
            Assumptions.abort(reason);
            return null;
        });
        TemporalTagger tagger = TaggerUnderEvaluation.current();
        TimemlReader reader = new TimemlReader();
        TimexEvaluation evaluation = new TimexEvaluation();

        long started = System.nanoTime();
        List<TimemlDocument> tbaqDocuments = reader.readCorpus(corpora.resolve(TBAQ));
        List<TimemlDocument> wikiwarsDocuments = reader.readCorpus(corpora.resolve(WIKIWARS));
        long read = System.nanoTime();
        TimexEvaluation.CorpusResult tbaq = evaluation.evaluate(TBAQ, tbaqDocuments, tagger);
        TimexEvaluation.CorpusResult wikiwars = evaluation.evaluate(WIKIWARS, wikiwarsDocuments, tagger);
        long scored = System.nanoTime();

        EvaluationReport report = new EvaluationReport(Integer.getInteger("eventline.evaluation.examples", 8));
        String tables = "Temporal expressions, TempEval-3 rules (percentages with raw counts), tagger "
                + tagger + System.lineSeparator() + report.table(tbaq) + report.table(wikiwars);
        Map<String, Double> figures = figures(tbaq.counts(), wikiwars.counts());
        String ratchet = ratchet(figures, floors());
        String summary = tables + System.lineSeparator() + "Largest error groups (details in " + REPORT + ")"
                + System.lineSeparator() + TBAQ + System.lineSeparator() + report.topErrorClasses(tbaq, 6)
                + WIKIWARS + System.lineSeparator() + report.topErrorClasses(wikiwars, 6)
                + System.lineSeparator() + ratchet + String.format(Locale.ROOT, "(corpora read in %d ms, tagged and scored in %d ms)%n",
                (read - started) / 1_000_000, (scored - read) / 1_000_000);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, summary + report.errors(tbaq) + report.errors(wikiwars));
        System.out.println(summary);

        // the reader is trusted only if it finds every annotation the corpus READMEs count
        assertThat(tbaq.counts().gold()).as("TIMEX3 in TEXT of tbaq-cleaned").isEqualTo(1822);
        assertThat(wikiwars.counts().gold()).as("TIMEX3 in TEXT of wikiwars-tml").isEqualTo(2636);
        assertThat(ratchet).as("figures below their floors").doesNotContain("BELOW");
    }

    /** The ratcheted figures, keyed as in floors.properties, as fractions (0.92, not 92). */
    static Map<String, Double> figures(TimexCounts tbaq, TimexCounts wikiwars) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(TBAQ + ".relaxed-f1", tbaq.relaxedF1());
        figures.put(TBAQ + ".strict-f1", tbaq.strictF1());
        figures.put(TBAQ + ".value-f1", tbaq.valueF1());
        figures.put(TBAQ + ".type-f1", tbaq.typeF1());
        figures.put(WIKIWARS + ".relaxed-f1", wikiwars.relaxedF1());
        figures.put(WIKIWARS + ".value-accuracy", wikiwars.valueAccuracy());
        return figures;
    }

    /** One line per figure with its floor; below the floor is marked BELOW, above it shows the floor it allows. */
    private static String ratchet(Map<String, Double> figures, Properties floors) {
        StringBuilder out = new StringBuilder("Ratchet (src/test/resources/evaluation/floors.properties)")
                .append(System.lineSeparator());
        List<String> keys = new ArrayList<>(figures.keySet());
        floors.stringPropertyNames().stream().filter(k -> !figures.containsKey(k)).sorted().forEach(keys::add);
        for (String key : keys) {
            Double figure = figures.get(key);
            String floorText = floors.getProperty(key);
            if (figure == null) {
                out.append(String.format(Locale.ROOT, "  %-28s BELOW: a floor for a figure the evaluation does not compute%n", key));
            } else if (floorText == null) {
                out.append(String.format(Locale.ROOT, "  %-28s %.4f BELOW: no floor recorded, add %s=%s%n",
                        key, figure, key, roundedDown(figure)));
            } else {
                double floor = Double.parseDouble(floorText.trim());
                String verdict = figure < floor ? "BELOW the floor"
                        : Double.parseDouble(roundedDown(figure)) > floor
                        ? "ok, the floor can be raised to " + roundedDown(figure) : "ok";
                out.append(String.format(Locale.ROOT, "  %-28s %.4f  floor %s  %s%n", key, figure, floorText.trim(), verdict));
            }
        }
        return out.toString();
    }

    /**
     * The floor a figure allows: rounded down to a thousandth, about two expressions of TBAQ, so that
     * a round of a few values more is held (to a hundredth, a gain of 0.8 points could go unrecorded).
     */
    private static String roundedDown(double figure) {
        return BigDecimal.valueOf(figure).setScale(3, RoundingMode.FLOOR).toPlainString();
    }

    private static Properties floors() throws IOException {
        Properties floors = new Properties();
        try (InputStream in = TimexEvaluationTest.class.getResourceAsStream("/evaluation/floors.properties")) {
            assertThat(in).as("evaluation/floors.properties on the test class path").isNotNull();
            floors.load(in);
        }
        return floors;
    }
}
