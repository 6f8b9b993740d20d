package io.eventline.timeline.dedup;

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
        return against(a, words).judge(b);
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
     * {@code a} ready to be judged against many reports of one group: what depends on {@code a} and the
     * group alone (the weights of its words and entities, and their sums) is looked up once, not once
     * per report compared. Every score is the very number {@link #judge(Mention, Mention, WordWeights)}
     * gives: the sums run in the same order.
     */
    Comparison against(Mention a, WordWeights words) {
        return new Comparison(a, words);
    }

    /** One report judged against others within one group ({@link #against}). Not thread-safe: one per placement. */
    final class Comparison {
        private final Mention a;
        private final MentionFeatures fa;
        private final WordWeights words;
        private final double[] stemWeights;
        /** The weights of a's stems added up from 0 in their order: the first part of the Dice's total. */
        private final double stemTotal;
        private final double[] entityWeights;
        private final double entityTotal;

        /** Which slots of the words' table hold a's stems; null if some stem of a is not in the table. */
        private final boolean[] stemSlots;

        /** a's stems and entity keys, for {@link #mayReachThreshold}; made at its first call. */
        private WordSet aWords;

        private Comparison(Mention a, WordWeights words) {
            this.a = a;
            this.fa = a.features();
            this.words = words;
            int[] stems = fa.stemIds();
            stemWeights = new double[stems.length];
            boolean[] slots = new boolean[words.size()];
            double total = 0;
            for (int i = 0; i < stems.length; i++) {
                int slot = words.slotOf(stems[i]);
                if (slot < 0) {
                    slots = null;
                    stemWeights[i] = words.weight(stems[i]);
                } else {
                    if (slots != null) {
                        slots[slot] = true;
                    }
                    stemWeights[i] = words.weightAt(slot);
                }
                total += stemWeights[i];
            }
            stemTotal = total;
            stemSlots = slots;
            int[] entities = fa.entityCountIds();
            entityWeights = new double[entities.length];
            total = 0;
            for (int i = 0; i < entities.length; i++) {
                entityWeights[i] = words.weight(entities[i]);
                total += entityWeights[i];
            }
            entityTotal = total;
        }

        Verdict judge(Mention b) {
            boolean datesCompatible = DateCompatibility.compatible(a.date(), b.date());
            MentionFeatures fb = b.features();
            MentionFeatures.Numbered na = fa.numbered();
            MentionFeatures.Numbered nb = fb.numbered();
            double content = weightedDice(fb.stemIds());
            double entities = entityOverlap(fb);
            double concepts = conceptOverlap(na.concepts(), nb.concepts());
            int figures = agreement(fa.figures(), fb.figures(), Figures.TOLERANCE);
            int rates = rates(fb);
            int countries = contrast(na.countries(), nb.countries());
            int targets = targetsDiffer(na, nb) ? -1 : 0;
            double score = score(content, entities, concepts, figures, rates, countries, targets);
            return new Verdict(score, datesCompatible && score >= threshold, datesCompatible, content, entities, concepts,
                    figures, rates, countries, targets);
        }

        /**
         * The score of {@link #judge} alone, whatever the dates (the caller has checked them): what a placement
         * asks of every report of every candidate event.
         */
        double score(Mention b) {
            MentionFeatures fb = b.features();
            MentionFeatures.Numbered na = fa.numbered();
            MentionFeatures.Numbered nb = fb.numbered();
            return score(weightedDice(fb.stemIds()), entityOverlap(fb), conceptOverlap(na.concepts(), nb.concepts()),
                    agreement(fa.figures(), fb.figures(), Figures.TOLERANCE), rates(fb),
                    contrast(na.countries(), nb.countries()), targetsDiffer(na, nb) ? -1 : 0);
        }

        /**
         * Whether b's score can reach the threshold, answered without scoring: false only when it cannot.
         * With no stem and no entity key in common the text scores 0 (a Dice or a share of nothing), and what
         * is left can only add the concept, figure and rate weights, each only when both reports have such
         * features ({@link #score}); if those together stay below the threshold, so does the score. Most
         * pairs of a crowded date share nothing: a placement skips the events none of whose reports could
         * reach the threshold, since their mean cannot either.
         */
        boolean mayReachThreshold(Mention b) {
            MentionFeatures fb = b.features();
            MentionFeatures.Numbered nb = fb.numbered();
            if (aWords().containsAny(fb.stemIds()) || aWords().containsAny(nb.allEntityKeys())) {
                return true;
            }
            MentionFeatures.Numbered na = fa.numbered();
            // each part is -1..1 (concepts) or -1, 0, 1 times its weight; countries and targets only ever subtract
            double bound = Math.max(0, -weights.country()) + Math.max(0, -weights.target());
            if (na.concepts().length > 0 && nb.concepts().length > 0) {
                bound += Math.abs(weights.concept());
            }
            if (fa.figures().length > 0 && fb.figures().length > 0) {
                bound += Math.abs(weights.figure());
            }
            if (fa.percentages().length > 0 && fb.percentages().length > 0
                    || fa.magnitudes().length > 0 && fb.magnitudes().length > 0) {
                bound += Math.abs(weights.rate());
            }
            // the margin covers the rounding of the score's sum, which the bound's sum need not share
            return bound + 1e-9 >= threshold;
        }

        private WordSet aWords() {
            if (aWords == null) {
                aWords = new WordSet(fa.stemIds(), fa.numbered().allEntityKeys());
            }
            return aWords;
        }

        private double score(double content, double entities, double concepts, int figures, int rates, int countries,
                             int targets) {
            double text = Double.isNaN(entities) ? content : weights.content() * content + weights.entity() * entities;
            return text
                    + (Double.isNaN(concepts) ? 0 : weights.concept() * (2 * concepts - 1))
                    + weights.figure() * figures
                    + weights.rate() * rates
                    + weights.country() * countries
                    + weights.target() * targets;
        }

        /** Rates (percentages, magnitudes): -1 if either kind disagrees, else +1 if either agrees, else 0. */
        private int rates(MentionFeatures fb) {
            int percentages = agreement(fa.percentages(), fb.percentages(), 0);
            int magnitudes = agreement(fa.magnitudes(), fb.magnitudes(), 0);
            int rates = Math.min(percentages, magnitudes);
            return rates == 0 ? Math.max(percentages, magnitudes) : rates;
        }

        /**
         * Dice coefficient with each word weighted: 2 * weight(shared) / (weight(a) + weight(b)), on the
         * words' {@link Vocabulary} numbers, each array ascending.
         */
        private double weightedDice(int[] b) {
            if (stemSlots != null) {
                return weightedDiceBySlots(b);
            }
            int[] stems = fa.stemIds();
            double total = stemTotal;
            double shared = 0;
            int j = 0;
            for (int i = 0; i < stems.length; i++) {
                int stem = stems[i];
                while (j < b.length && b[j] < stem) {
                    j++;
                }
                if (j < b.length && b[j] == stem) {
                    shared += stemWeights[i];
                }
            }
            for (int stem : b) {
                total += words.weight(stem);
            }
            return total == 0 ? 0 : 2 * shared / total;
        }

        /**
         * The same Dice in one pass over b, when the table holds every stem of a: a stem of b is shared
         * when its slot is one of a's, and then weighs what it weighs in a. Both arrays ascend, so the
         * shared weights are added in the same order as by the merge above: the very same sum.
         */
        private double weightedDiceBySlots(int[] b) {
            double total = stemTotal;
            double shared = 0;
            for (int stem : b) {
                int slot = words.slotOf(stem);
                if (slot < 0) {
                    total += words.weight(stem);
                } else {
                    double weight = words.weightAt(slot);
                    total += weight;
                    if (stemSlots[slot]) {
                        shared += weight;
                    }
                }
            }
            return total == 0 ? 0 : 2 * shared / total;
        }

        /** Weighted share of the entities of either report found in the other; NaN if either names none. */
        private double entityOverlap(MentionFeatures fb) {
            if (fa.entities().isEmpty() || fb.entities().isEmpty()) {
                return Double.NaN;
            }
            int[][] aKeys = fa.numbered().entityKeys();
            int[] bAll = fb.numbered().allEntityKeys();
            double found = 0;
            for (int i = 0; i < aKeys.length; i++) {
                if (intersect(aKeys[i], bAll)) {
                    found += entityWeights[i];
                }
            }
            double total = entityTotal;
            int[][] bKeys = fb.numbered().entityKeys();
            int[] aAll = fa.numbered().allEntityKeys();
            int[] bCounted = fb.entityCountIds();
            for (int i = 0; i < bKeys.length; i++) {
                double weight = words.weight(bCounted[i]);
                total += weight;
                if (intersect(bKeys[i], aAll)) {
                    found += weight;
                }
            }
            return total == 0 ? 0 : found / total;
        }
    }

    /** Dice coefficient of the event concepts (ascending numbers); NaN when either report has none. */
    static double conceptOverlap(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return Double.NaN;
        }
        return 2.0 * shared(a, b) / (a.length + b.length);
    }

    /** -1 when each set has a member the other lacks, else 0. */
    static int contrast(Set<String> a, Set<String> b) {
        return contrast(Vocabulary.sortedIds(a), Vocabulary.sortedIds(b));
    }

    private static int contrast(int[] a, int[] b) {
        int shared = shared(a, b);
        return shared == a.length || shared == b.length ? 0 : -1;
    }

    /** Whether some concept has a target in both and the two targets share no key. */
    private static boolean targetsDiffer(MentionFeatures.Numbered a, MentionFeatures.Numbered b) {
        int[] ac = a.targetConcepts();
        int[] bc = b.targetConcepts();
        for (int i = 0, j = 0; i < ac.length && j < bc.length; ) {
            if (ac[i] < bc[j]) {
                i++;
            } else if (ac[i] > bc[j]) {
                j++;
            } else {
                if (!intersect(a.targetKeys()[i], b.targetKeys()[j])) {
                    return true;
                }
                i++;
                j++;
            }
        }
        return false;
    }

    /** The number of values two ascending arrays of distinct values have in common. */
    private static int shared(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                shared++;
                i++;
                j++;
            }
        }
        return shared;
    }

    /** Whether two ascending arrays have a value in common. */
    private static boolean intersect(int[] a, int[] b) {
        return shared(a, b) > 0;
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

    /**
     * A report's words (stems and entity keys, by their {@link Vocabulary} numbers) as an open-addressing
     * table, asked whether another report has any of them: a probe or two per word of the other report,
     * in a table of a few hundred bytes, where merging the sorted arrays cost a branch per word of both.
     * A stem that is also an entity key of the other report counts as in common, which only means a
     * pair is scored that need not have been.
     */
    static final class WordSet {
        private final int[] slots;
        private final int mask;

        WordSet(int[] stems, int[] entityKeys) {
            int capacity = Integer.highestOneBit(Math.max(8, 4 * (stems.length + entityKeys.length)) - 1) << 1;
            slots = new int[capacity];
            mask = capacity - 1;
            for (int word : stems) {
                add(word);
            }
            for (int word : entityKeys) {
                add(word);
            }
        }

        private void add(int word) {
            int stored = word + 1;   // 0 marks an empty slot
            for (int i = slot(word); ; i = (i + 1) & mask) {
                if (slots[i] == 0 || slots[i] == stored) {
                    slots[i] = stored;
                    return;
                }
            }
        }

        boolean containsAny(int[] words) {
            for (int word : words) {
                int stored = word + 1;
                for (int i = slot(word); slots[i] != 0; i = (i + 1) & mask) {
                    if (slots[i] == stored) {
                        return true;
                    }
                }
            }
            return false;
        }

        private int slot(int word) {
            return (word * 0x9E3779B9) >>> 16 & mask;
        }
    }
}
