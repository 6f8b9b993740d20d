package io.eventline.timeline.dedup;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether two reports are of the same real-world happening.
 *
 * <p>Dates first: reports whose dates are not compatible ({@link DateCompatibility}) are never the
 * same event. Then the text, as one score:
 *
 * <pre>
 *   score = content-weight * content + entity-weight * entities   (content alone when a report names no entity)
 *         + concept-weight * (2 * concepts - 1)                  (when both reports have an event concept)
 *         + figure-weight * figures + rate-weight * rates
 *         + country-weight * countries + target-weight * targets
 * </pre>
 *
 * <ul>
 *   <li>{@code content}: weighted Dice coefficient of the content-word stems, each word weighted by how
 *       informative it is in the group of reports being compared ({@link WordWeights});
 *   <li>{@code entities}: the weighted share of named entities that the other report names too;
 *   <li>{@code concepts}: Dice coefficient of the event concepts ({@link EventConcepts}): 1 when the
 *       reports tell the same kind of happening (designated / labelled / listed), 0 when they tell
 *       different ones (a pause and tariffs taking effect), which pulls the score down;
 *   <li>{@code figures}: +1 when a figure agrees (within 5 %), -1 when both state figures and none
 *       agrees: a nudge only, since outlets round and death tolls rise during the day;
 *   <li>{@code rates}: -1 when both state percentages (or earthquake magnitudes) and none is the same,
 *       +1 when one is: a rate is what a follow-up changes (25 % then 10 %; magnitude 7.8 then 7.5);
 *   <li>{@code countries}: -1 when each report names, in its main clause, a country the other does not
 *       ({@link Countries}): the same kind of happening for another country (tariffs paused for Mexico
 *       and for Canada) is usually another happening. Naming fewer countries is no contrast: a report
 *       need not name the actor ("the US") or the place. A nudge, since a country can be the actor in
 *       one report and the target in the other ("the US designated" / "Mexican cartels");
 *   <li>{@code targets}: -1 when both reports have a target for one event concept and the targets share
 *       no word ({@link Targets}): withdrawing from the Paris agreement and from the WHO are two
 *       happenings, however alike the rest of the sentences. Weighted {@link #TARGET_WEIGHT}, which
 *       keeps such reports apart whatever the rest says: the target is the happening's object, not a
 *       detail an outlet may leave out.
 * </ul>
 *
 * <p>The weights and {@link #DEFAULT_THRESHOLD} were chosen on the labelled set in
 * {@code src/test/resources/dedup} ({@code DedupEvaluationTest} prints the precision/recall curve and
 * the cross-validated figures; timeline-service/README.md, "Deduplication", gives the numbers).
 *
 * <p>Thread-safe; a comparison does no text processing (the features are precomputed in
 * {@link Mention}).
 */
public final class SameEventJudge {

    public static final double DEFAULT_THRESHOLD = 0.14;

    /** The weights of the parts of the score. */
    record Weights(double content, double entity, double concept, double figure, double rate, double country, double target) {
    }

    /** Not tuned: as much as a perfect text match, so that a different target keeps two reports apart. */
    static final double TARGET_WEIGHT = 1.0;

    static final Weights DEFAULT_WEIGHTS = new Weights(0.7, 0.3, 0.2, 0.04, 0.1, 0.2, TARGET_WEIGHT);

    private final double threshold;
    private final Weights weights;

    public SameEventJudge() {
        this(DEFAULT_THRESHOLD);
    }

    public SameEventJudge(double threshold) {
        this(threshold, DEFAULT_WEIGHTS);
    }

    SameEventJudge(double threshold, Weights weights) {
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
        return judge(a, b, WordWeights.of(a, b));
    }

    /** The two reports judged within a group of reports, whose {@code words} weigh the words. */
    public Verdict judge(Mention a, Mention b, WordWeights words) {
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
    static double weightedDice(int[] a, int[] b, WordWeights words) {
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
    static double entityOverlap(MentionFeatures a, MentionFeatures b, WordWeights words) {
        if (a.entities().isEmpty() || b.entities().isEmpty()) {
            return Double.NaN;
        }
        double[] foundAndTotal = new double[2];
        accumulate(a, b, words, foundAndTotal);
        accumulate(b, a, words, foundAndTotal);
        return foundAndTotal[1] == 0 ? 0 : foundAndTotal[0] / foundAndTotal[1];
    }

    private static void accumulate(MentionFeatures side, MentionFeatures other, WordWeights words, double[] foundAndTotal) {
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
