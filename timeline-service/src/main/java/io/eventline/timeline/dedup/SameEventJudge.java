package io.eventline.timeline.dedup;

import java.util.List;
import java.util.Set;

/**
 * Decides whether two reports are of the same real-world happening.
 *
 * <p>Dates first: reports whose dates are not compatible ({@link DateCompatibility}) are never the
 * same event. Then the text, as one score:
 *
 * <pre>
 *   score = (0.7 * content + 0.3 * entities)    when both reports name entities
 *         = content                             otherwise
 *         + 0.08 * figures                      (+1 a figure agrees, -1 figures stated and none agrees)
 * </pre>
 *
 * where {@code content} is the Dice coefficient of the content-word stems (stop words, calendar words
 * and reporting verbs removed) and {@code entities} the share of named entities that the other report
 * names too. The content words weigh most because different events of one day usually share their
 * actors (Trump, Mexico, the cartels) and differ in what happened (designated, signed, answered);
 * the entities still help when two outlets word the same fact differently. Figures are a small
 * nudge: outlets round and update figures (a death toll rises during the day), so a disagreement
 * is evidence, not a veto.
 *
 * <p>The weights and {@link #DEFAULT_THRESHOLD} were chosen on the labelled pair set in
 * {@code src/test/resources/dedup} ({@code DedupEvaluationTest} prints the precision/recall curve
 * and a cross-validated figure; timeline-service/README.md, "Deduplication", gives the numbers).
 *
 * <p>Thread-safe and allocation-free per comparison: the features are precomputed in {@link Mention}.
 */
public final class SameEventJudge {

    public static final double DEFAULT_THRESHOLD = 0.26;

    static final double CONTENT_WEIGHT = 0.7;
    static final double ENTITY_WEIGHT = 0.3;
    static final double FIGURE_WEIGHT = 0.08;

    private final double threshold;

    public SameEventJudge() {
        this(DEFAULT_THRESHOLD);
    }

    public SameEventJudge(double threshold) {
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public Verdict judge(Mention a, Mention b) {
        boolean datesCompatible = DateCompatibility.compatible(a.date(), b.date());
        MentionFeatures fa = a.features();
        MentionFeatures fb = b.features();
        double content = dice(fa.stems(), fb.stems());
        double entities = entityOverlap(fa.entities(), fb.entities());
        int figures = figureAgreement(fa.figures(), fb.figures());
        double text = Double.isNaN(entities) ? content : CONTENT_WEIGHT * content + ENTITY_WEIGHT * entities;
        double score = text + FIGURE_WEIGHT * figures;
        return new Verdict(score, datesCompatible && score >= threshold, datesCompatible, content, entities, figures);
    }

    /** The score alone, or negative infinity when the dates are not compatible. */
    public double score(Mention a, Mention b) {
        Verdict verdict = judge(a, b);
        return verdict.datesCompatible() ? verdict.score() : Double.NEGATIVE_INFINITY;
    }

    public boolean sameEvent(Mention a, Mention b) {
        return judge(a, b).sameEvent();
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String stem : small) {
            if (large.contains(stem)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    /** (entities of a found in b + entities of b found in a) / (all entities); NaN if either has none. */
    static double entityOverlap(List<Set<String>> a, List<Set<String>> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Double.NaN;
        }
        return (double) (found(a, b) + found(b, a)) / (a.size() + b.size());
    }

    private static int found(List<Set<String>> entities, List<Set<String>> in) {
        int found = 0;
        for (Set<String> keys : entities) {
            for (Set<String> other : in) {
                if (!java.util.Collections.disjoint(keys, other)) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    static int figureAgreement(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        return Figures.anyAgree(a, b) ? 1 : -1;
    }
}
