package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.TemporalExpression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The human-readable result of an evaluation: a table per corpus (every percentage with its raw
 * counts) and an error listing that points at the rule to fix: false positives and wrong values
 * by the rule that fired, false negatives by the class of the gold expression.
 */
public final class EvaluationReport {

    private static final int CONTEXT = 40;

    private final int examplesPerGroup;

    public EvaluationReport(int examplesPerGroup) {
        this.examplesPerGroup = examplesPerGroup;
    }

    /** The figures of one corpus, per part and in total. */
    public String table(TimexEvaluation.CorpusResult result) {
        StringBuilder out = new StringBuilder();
        TimexCounts total = result.counts();
        out.append(String.format(Locale.ROOT, "%s: %d documents, %d gold, %d system expressions%n",
                result.corpus(), result.documents().size(), total.gold(), total.system()));
        Map<String, TimexCounts> parts = result.countsByPart();
        if (parts.size() > 1) {
            parts.forEach((part, counts) -> appendFigures(out, part, counts));
        }
        appendFigures(out, "all", total);
        long nullValues = result.documents().stream().flatMap(d -> d.alignment().pairs().stream())
                .filter(p -> p.gold().value().equals("null")).count();
        if (nullValues > 0) {
            out.append(String.format(Locale.ROOT,
                    "  (%d relaxed matches have the gold value \"null\": no tagger can get their value right)%n",
                    nullValues));
        }
        return out.toString();
    }

    private static void appendFigures(StringBuilder out, String label, TimexCounts c) {
        out.append(String.format(Locale.ROOT, "  [%s]%n", label));
        out.append(String.format(Locale.ROOT, "    %-8s %-22s %-22s %s%n", "", "precision", "recall", "F1"));
        out.append(String.format(Locale.ROOT, "    %-8s %-22s %-22s %6.2f%n", "relaxed",
                percent(c.relaxed(), c.system()), percent(c.relaxed(), c.gold()), 100 * c.relaxedF1()));
        out.append(String.format(Locale.ROOT, "    %-8s %-22s %-22s %6.2f%n", "strict",
                percent(c.strict(), c.system()), percent(c.strict(), c.gold()), 100 * c.strictF1()));
        out.append(String.format(Locale.ROOT, "    %-8s accuracy %-36s %6.2f%n", "value",
                percent(c.values(), c.relaxed()), 100 * c.valueF1()));
        out.append(String.format(Locale.ROOT, "    %-8s accuracy %-36s %6.2f%n", "type",
                percent(c.types(), c.relaxed()), 100 * c.typeF1()));
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%6.2f (%d/%d)", whole == 0 ? 0.0 : 100.0 * part / whole, part, whole);
    }

    /** Every error of the corpus, grouped so the worst groups come first. */
    public String errors(TimexEvaluation.CorpusResult result) {
        List<Located<TemporalExpression>> spurious = new ArrayList<>();
        List<Located<TimexScorer.Pair>> wrongValues = new ArrayList<>();
        List<Located<TimexScorer.Pair>> wrongTypes = new ArrayList<>();
        List<Located<TimexScorer.Pair>> wrongSpans = new ArrayList<>();
        List<Located<GoldTimex>> missed = new ArrayList<>();
        for (TimexEvaluation.DocumentResult document : result.documents()) {
            TimexScorer.Alignment alignment = document.alignment();
            alignment.spurious().forEach(e -> spurious.add(new Located<>(document.document(), e)));
            alignment.missed().forEach(g -> missed.add(new Located<>(document.document(), g)));
            for (TimexScorer.Pair pair : alignment.pairs()) {
                Located<TimexScorer.Pair> located = new Located<>(document.document(), pair);
                if (!pair.valueCorrect()) {
                    wrongValues.add(located);
                }
                if (!pair.typeCorrect()) {
                    wrongTypes.add(located);
                }
                if (!pair.strict()) {
                    wrongSpans.add(located);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        section(out, result.corpus() + ": false positives by rule", spurious, e -> e.item().rule(),
                e -> String.format("%s -> %s   %s", quote(e.item().text()), e.item().value(),
                        context(e.document(), e.item().start(), e.item().end())));
        section(out, result.corpus() + ": wrong values by rule (gold vs system)", wrongValues,
                e -> e.item().system().rule(), EvaluationReport::describePair);
        section(out, result.corpus() + ": wrong types by rule (gold vs system)", wrongTypes,
                e -> e.item().system().rule() + ": " + e.item().gold().type() + " tagged "
                        + e.item().system().type(), EvaluationReport::describePair);
        section(out, result.corpus() + ": relaxed but not strict matches (span differs) by rule", wrongSpans,
                e -> e.item().system().rule(), EvaluationReport::describePair);
        section(out, result.corpus() + ": false negatives by class of the gold expression", missed,
                e -> ValueShape.of(e.item()),
                e -> String.format("%s = %s   %s", quote(e.item().text()), e.item().value(),
                        context(e.document(), e.item().start(), e.item().end())));
        return out.toString();
    }

    /** Group sizes only, largest first: what the summary prints. */
    public String topErrorClasses(TimexEvaluation.CorpusResult result, int groups) {
        Map<String, Integer> spurious = new LinkedHashMap<>();
        Map<String, Integer> wrongValues = new LinkedHashMap<>();
        Map<String, Integer> missed = new LinkedHashMap<>();
        for (TimexEvaluation.DocumentResult document : result.documents()) {
            document.alignment().spurious().forEach(e -> spurious.merge(e.rule(), 1, Integer::sum));
            document.alignment().pairs().stream().filter(p -> !p.valueCorrect())
                    .forEach(p -> wrongValues.merge(p.system().rule(), 1, Integer::sum));
            document.alignment().missed().forEach(g -> missed.merge(ValueShape.of(g), 1, Integer::sum));
        }
        return "  false positives by rule: " + largest(spurious, groups) + System.lineSeparator()
                + "  wrong values by rule:    " + largest(wrongValues, groups) + System.lineSeparator()
                + "  false negatives by class: " + largest(missed, groups) + System.lineSeparator();
    }

    private static String largest(Map<String, Integer> counts, int groups) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(groups).map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private record Located<T>(TimemlDocument document, T item) {
    }

    private <T> void section(StringBuilder out, String title, List<Located<T>> errors,
                             Function<Located<T>, String> group, Function<Located<T>, String> describe) {
        out.append(System.lineSeparator()).append("== ").append(title).append(": ").append(errors.size())
                .append(System.lineSeparator());
        Map<String, List<Located<T>>> groups = new LinkedHashMap<>();
        errors.forEach(e -> groups.computeIfAbsent(group.apply(e), k -> new ArrayList<>()).add(e));
        groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<Located<T>>>>comparingInt(e -> e.getValue().size())
                        .reversed().thenComparing(Map.Entry::getKey))
                .forEach(entry -> {
                    out.append(String.format(Locale.ROOT, "%5d  %s%n", entry.getValue().size(), entry.getKey()));
                    entry.getValue().stream().limit(examplesPerGroup).forEach(e -> out.append("         ")
                            .append(e.document().name()).append(": ").append(describe.apply(e))
                            .append(System.lineSeparator()));
                });
    }

    private static String describePair(Located<TimexScorer.Pair> e) {
        GoldTimex gold = e.item().gold();
        TemporalExpression system = e.item().system();
        return String.format("gold %s = %s %s, system %s = %s %s   %s", quote(gold.text()), gold.type(), gold.value(),
                quote(system.text()), system.type(), system.value(), context(e.document(), gold.start(), gold.end()));
    }

    /** The expression in its sentence, marked with brackets, on one line. */
    private static String context(TimemlDocument document, int start, int end) {
        String text = document.text();
        String before = text.substring(Math.max(0, start - CONTEXT), start);
        String after = text.substring(end, Math.min(text.length(), end + CONTEXT));
        return oneLine("..." + before + "[" + text.substring(start, end) + "]" + after + "...");
    }

    private static String quote(String text) {
        return "\"" + oneLine(text) + "\"";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
