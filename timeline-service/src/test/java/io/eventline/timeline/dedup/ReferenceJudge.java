package io.eventline.timeline.dedup;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link SameEventJudge} as it was before its CPU was cut (commit ed9102b), kept unchanged as the reference
 * the faster code must match to the last bit ({@code FastScoringTest}): every score, and so every
 * decision. Not used by the service.
 */
final class ReferenceJudge {

    public static final double DEFAULT_THRESHOLD = 0.14;

    /** The weights of the parts of the score. */
    record Weights(double content, double entity, double concept, double figure, double rate, double country, double target) {
    }

    /** Not tuned: as much as a perfect text match, so that a different target keeps two reports apart. */
    static final double TARGET_WEIGHT = 1.0;

    static final Weights DEFAULT_WEIGHTS = new Weights(0.7, 0.3, 0.2, 0.04, 0.1, 0.2, TARGET_WEIGHT);

    private final double threshold;
    private final Weights weights;

    public ReferenceJudge() {
        this(DEFAULT_THRESHOLD);
    }

    public ReferenceJudge(double threshold) {
        this(threshold, DEFAULT_WEIGHTS);
    }

    ReferenceJudge(double threshold, Weights weights) {
        this.threshold = threshold;
        this.weights = weights;
    }

    public double threshold() {
        return threshold;
    }

    Weights weights() {
        return weights;
    }

    /** The two reports judged on their own (the words weighted within the pair). */
    public Verdict judge(Mention a, Mention b) {
        return judge(a, b, ReferenceWordWeights.of(a, b));
    }

    /** The two reports judged within a group of reports, whose {@code words} weigh the words. */
    public Verdict judge(Mention a, Mention b, ReferenceWordWeights words) {
        boolean datesCompatible = DateCompatibility.compatible(a.date(), b.date());
        MentionFeatures fa = a.features();
        MentionFeatures fb = b.features();
        double content = weightedDice(fa.stemIds(), fb.stemIds(), words);
        double entities = entityOverlap(fa, fb, words);
        double concepts = conceptOverlap(fa.concepts(), fb.concepts());
        int figures = agreement(fa.figures(), fb.figures(), Figures.TOLERANCE);
        int rates = Math.min(agreement(fa.percentages(), fb.percentages(), 0),
                agreement(fa.magnitudes(), fb.magnitudes(), 0));
        if (rates == 0) {
            rates = Math.max(agreement(fa.percentages(), fb.percentages(), 0),
                    agreement(fa.magnitudes(), fb.magnitudes(), 0));
        }
        int countries = contrast(fa.countries(), fb.countries());
        int targets = targetsDiffer(fa.targets(), fb.targets()) ? -1 : 0;
        double text = Double.isNaN(entities) ? content : weights.content() * content + weights.entity() * entities;
        double score = text
                + (Double.isNaN(concepts) ? 0 : weights.concept() * (2 * concepts - 1))
                + weights.figure() * figures
                + weights.rate() * rates
                + weights.country() * countries
                + weights.target() * targets;
        return new Verdict(score, datesCompatible && score >= threshold, datesCompatible, content, entities, concepts,
                figures, rates, countries, targets);
    }

    /** The score alone, or negative infinity when the dates are not compatible. */
    public double score(Mention a, Mention b) {
        Verdict verdict = judge(a, b);
        return verdict.datesCompatible() ? verdict.score() : Double.NEGATIVE_INFINITY;
    }

    public boolean sameEvent(Mention a, Mention b) {
        return judge(a, b).sameEvent();
    }

    /**
     * Dice coefficient with each word weighted: 2 * weight(shared) / (weight(a) + weight(b)), on the
     * words' {@link Vocabulary} numbers, each array ascending.
     */
    static double weightedDice(int[] a, int[] b, ReferenceWordWeights words) {
        double total = 0;
        double shared = 0;
        int j = 0;
        for (int stem : a) {
            double weight = words.weight(stem);
            total += weight;
            while (j < b.length && b[j] < stem) {
                j++;
            }
            if (j < b.length && b[j] == stem) {
                shared += weight;
            }
        }
        for (int stem : b) {
            total += words.weight(stem);
        }
        return total == 0 ? 0 : 2 * shared / total;
    }

    /** Weighted share of the entities of either report found in the other; NaN if either names none. */
    static double entityOverlap(MentionFeatures a, MentionFeatures b, ReferenceWordWeights words) {
        if (a.entities().isEmpty() || b.entities().isEmpty()) {
            return Double.NaN;
        }
        double[] foundAndTotal = new double[2];
        accumulate(a, b, words, foundAndTotal);
        accumulate(b, a, words, foundAndTotal);
        return foundAndTotal[1] == 0 ? 0 : foundAndTotal[0] / foundAndTotal[1];
    }

    private static void accumulate(MentionFeatures side, MentionFeatures other, ReferenceWordWeights words, double[] foundAndTotal) {
        for (int i = 0; i < side.entities().size(); i++) {
            double weight = words.weight(side.entityCountIds()[i]);
            foundAndTotal[1] += weight;
            if (found(side.entities().get(i), other.entities())) {
                foundAndTotal[0] += weight;
            }
        }
    }

    private static boolean found(Set<String> keys, List<Set<String>> in) {
        for (Set<String> other : in) {
            if (!Collections.disjoint(keys, other)) {
                return true;
            }
        }
        return false;
    }

    /** Dice coefficient of the event concepts; NaN when either report has none. */
    static double conceptOverlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Double.NaN;
        }
        int shared = 0;
        for (String concept : a) {
            if (b.contains(concept)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    /** -1 when each set has a member the other lacks, else 0. */
    static int contrast(Set<String> a, Set<String> b) {
        return b.containsAll(a) || a.containsAll(b) ? 0 : -1;
    }

    /** Whether some concept has a target in both and the two targets share no key. */
    static boolean targetsDiffer(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        for (Map.Entry<String, Set<String>> target : a.entrySet()) {
            Set<String> other = b.get(target.getKey());
            if (other != null && Collections.disjoint(target.getValue(), other)) {
                return true;
            }
        }
        return false;
    }

    /** +1 when some value of a agrees with some value of b, -1 when both have values and none agrees, else 0. */
    static int agreement(double[] a, double[] b, double tolerance) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        for (double x : a) {
            for (double y : b) {
                if (Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y))) {
                    return 1;
                }
            }
        }
        return -1;
    }
}
