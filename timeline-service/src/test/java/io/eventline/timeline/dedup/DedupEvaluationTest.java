package io.eventline.timeline.dedup;

import io.eventline.timeline.dedup.LabelledSet.LabelledMention;
import io.eventline.timeline.dedup.LabelledSet.Pair;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation of the merge decision on the labelled set ({@code src/test/resources/dedup}): prints
 * the counts, pairwise precision/recall/F1 of the judge and of the clustering that ships, the curve
 * over thresholds, the weights and threshold the selection rule picks, cross-validated figures (the
 * selection re-run on the other folds), and every false and missed merge. The targets of issue 4
 * (precision 0.95, recall 0.85) are {@link #mergeDecisionMeetsTheIssueTargets};
 * {@link #evaluatesTheMergeDecision} also fails if the figures fall below what is reached today or if
 * the shipped weights and threshold are not the ones the documented rule picks.
 */
class DedupEvaluationTest {

    static final double MIN_PRECISION = 0.95;
    static final double MIN_RECALL = 0.85;
    static final int FOLDS = 5;
    /** What the shipped judge reaches today, less a small margin: a change that does worse fails. */
    static final double FLOOR_PRECISION = 0.96;
    static final double FLOOR_RECALL = 0.86;

    private static final LabelledSet SET = LabelledSet.load("/dedup/mentions.jsonl");

    /** Pairwise confusion counts of a merge decision. */
    record Counts(int tp, int fp, int fn, int tn) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String line() {
            return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (TP %d, FP %d, FN %d, TN %d)",
                    precision(), recall(), f1(), tp, fp, fn, tn);
        }
    }

    @Test
    void evaluatesTheMergeDecision() {
        Map<String, List<LabelledMention>> scenarios = SET.byScenario();
        List<Pair> pairs = LabelledSet.pairs(scenarios.values());
        SameEventJudge judge = new SameEventJudge();
        double threshold = judge.threshold();

        long positives = pairs.stream().filter(Pair::sameEvent).count();
        long compatible = pairs.stream()
                .filter(p -> DateCompatibility.compatible(p.a().mention().date(), p.b().mention().date())).count();
        long hardNegatives = pairs.stream().filter(p -> !p.sameEvent()
                && DateCompatibility.compatible(p.a().mention().date(), p.b().mention().date())).count();
        long crossGranularity = pairs.stream().filter(p -> p.sameEvent()
                && !p.a().mention().date().granularity().equals(p.b().mention().date().granularity())).count();
        System.out.printf(Locale.ROOT, "%nDEDUP EVALUATION%n");
        System.out.printf(Locale.ROOT, "reports %d, events %d, scenarios %d, outlets %d%n", SET.mentions().size(),
                SET.mentions().stream().map(m -> m.scenario() + "/" + m.event()).distinct().count(), scenarios.size(),
                SET.mentions().stream().map(m -> m.mention().report().outlet()).distinct().count());
        System.out.printf(Locale.ROOT, "pairs %d: same event %d (%d across granularities), different %d "
                        + "(%d with compatible dates = hard negatives, %d kept apart by the date rule); "
                        + "pairs with compatible dates %d%n",
                pairs.size(), positives, crossGranularity, pairs.size() - positives, hardNegatives,
                pairs.size() - positives - hardNegatives, compatible);

        System.out.printf(Locale.ROOT, "%n%s%n", describe(judge));
        Counts judged = judgeCounts(scenarios.values(), threshold);
        Counts clustered = clusterCounts(scenarios.values(), threshold);
        System.out.println("judge (each pair on its own):        " + judged.line());
        System.out.println("clustering (the events that ship):   " + clustered.line());

        System.out.printf(Locale.ROOT, "%nthreshold  judge P/R/F1            clustering P/R/F1%n");
        for (double t : thresholds()) {
            Counts j = judgeCounts(scenarios.values(), t);
            Counts c = clusterCounts(scenarios.values(), new SameEventJudge(t, judge.weights()));
            System.out.printf(Locale.ROOT, "  %.2f     %.3f %.3f %.3f      %.3f %.3f %.3f%n", t,
                    j.precision(), j.recall(), j.f1(), c.precision(), c.recall(), c.f1());
        }
        crossValidate(scenarios);

        System.out.printf(Locale.ROOT, "%nFALSE MERGES (judge, different events scored >= %.2f)%n", threshold);
        listErrors(scenarios.values(), judge, (pair, verdict) -> !pair.sameEvent() && verdict.sameEvent());
        System.out.printf(Locale.ROOT, "%nMISSED MERGES (judge, same event scored < %.2f or dates incompatible)%n", threshold);
        listErrors(scenarios.values(), judge, (pair, verdict) -> pair.sameEvent() && !verdict.sameEvent());

        SameEventJudge selected = selectJudge(scenarios.values());
        System.out.printf(Locale.ROOT, "%nthe selection rule picks   %s%nthe judge ships            %s%n",
                describe(selected), describe(judge));
        System.out.printf(Locale.ROOT, "issue 4 targets (P >= %.2f, R >= %.2f): %s%n", MIN_PRECISION, MIN_RECALL,
                clustered.precision() >= MIN_PRECISION && clustered.recall() >= MIN_RECALL ? "MET" : "NOT MET");

        assertThat(pairs).as("labelled pairs").hasSizeGreaterThanOrEqualTo(300);
        assertThat(describe(judge)).as("the shipped judge is the one the documented rule selects").isEqualTo(describe(selected));
        assertThat(clustered.precision()).as("clustering precision, regression floor").isGreaterThanOrEqualTo(FLOOR_PRECISION);
        assertThat(clustered.recall()).as("clustering recall, regression floor").isGreaterThanOrEqualTo(FLOOR_RECALL);
    }

    /** The bar of issue 4, on the clustering that ships (see README.md, "Deduplication"). */
    @Test
    void mergeDecisionMeetsTheIssueTargets() {
        Counts clustered = clusterCounts(SET.byScenario().values(), SameEventJudge.DEFAULT_THRESHOLD);
        assertThat(clustered.precision()).as("clustering precision").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(clustered.recall()).as("clustering recall").isGreaterThanOrEqualTo(MIN_RECALL);
    }

    /**
     * Leave-scenarios-out cross-validation of the threshold choice: the scenarios are dealt into
     * {@value #FOLDS} folds; for each fold the threshold with the best clustering F1 on the other folds
     * (ties: the higher threshold) is applied to the held-out fold, and the held-out counts are pooled.
     * Whole scenarios move together, so no event has reports on both sides.
     */
    private static void crossValidate(Map<String, List<LabelledMention>> scenarios) {
        List<List<List<LabelledMention>>> folds = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            folds.add(new ArrayList<>());
        }
        int i = 0;
        for (List<LabelledMention> scenario : scenarios.values()) {
            folds.get(i++ % FOLDS).add(scenario);
        }
        Counts heldOut = Counts.ZERO;
        StringBuilder chosen = new StringBuilder();
        for (int f = 0; f < FOLDS; f++) {
            List<List<LabelledMention>> training = new ArrayList<>();
            for (int g = 0; g < FOLDS; g++) {
                if (g != f) {
                    training.addAll(folds.get(g));
                }
            }
            SameEventJudge best = selectJudge(training);
            chosen.append(String.format(Locale.ROOT, "%n  fold %d: %s", f + 1, describe(best)));
            heldOut = heldOut.plus(clusterCounts(folds.get(f), best));
        }
        System.out.printf(Locale.ROOT, "%n%d-fold cross-validation by scenario (weights and threshold chosen on the other folds):%s%n",
                FOLDS, chosen);
        System.out.println("clustering, held-out folds pooled:   " + heldOut.line());
    }

    /** Tolerance of the selection rule: F1 within this of the best counts as as good. */
    static final double F1_TOLERANCE = 0.005;

    /** The weights the selection rule tries; the content/entity split (0.7/0.3) is not tuned. */
    static final double[] CONCEPT_WEIGHTS = {0.1, 0.2, 0.3, 0.4};
    static final double[] FIGURE_WEIGHTS = {0, 0.04, 0.08};
    static final double[] RATE_WEIGHTS = {0, 0.1, 0.2};
    static final double[] COUNTRY_WEIGHTS = {0, 0.1, 0.2, 0.3};

    /**
     * The selection rule: over the grid of concept, figure, rate and country weights and of thresholds,
     * the judges whose clustering reaches the issue's precision ({@value #MIN_PRECISION}) on the
     * scenarios given, or all of them if none does; among those, the best clustering F1; among those
     * within {@value #F1_TOLERANCE} of it, the one with the highest threshold, then the first in grid
     * order. Precision first because a false merge, two events shown as one, costs more than a
     * duplicate line.
     */
    static SameEventJudge selectJudge(Collection<List<LabelledMention>> scenarios) {
        List<SameEventJudge> candidates = new ArrayList<>();
        for (double concept : CONCEPT_WEIGHTS) {
            for (double figure : FIGURE_WEIGHTS) {
                for (double rate : RATE_WEIGHTS) {
                    for (double country : COUNTRY_WEIGHTS) {
                        SameEventJudge.Weights weights = new SameEventJudge.Weights(0.7, 0.3, concept, figure, rate, country,
                                SameEventJudge.TARGET_WEIGHT);
                        for (double t : thresholds()) {
                            candidates.add(new SameEventJudge(t, weights));
                        }
                    }
                }
            }
        }
        double[] f1 = new double[candidates.size()];
        boolean[] precise = new boolean[candidates.size()];
        boolean anyPrecise = false;
        for (int i = 0; i < f1.length; i++) {
            Counts counts = clusterCounts(scenarios, candidates.get(i));
            f1[i] = counts.f1();
            precise[i] = counts.precision() >= MIN_PRECISION;
            anyPrecise |= precise[i];
        }
        double bestF1 = -1;
        for (int i = 0; i < f1.length; i++) {
            if (precise[i] || !anyPrecise) {
                bestF1 = Math.max(bestF1, f1[i]);
            }
        }
        SameEventJudge chosen = null;
        for (int i = 0; i < f1.length; i++) {
            if ((precise[i] || !anyPrecise) && f1[i] >= bestF1 - F1_TOLERANCE
                    && (chosen == null || candidates.get(i).threshold() > chosen.threshold())) {
                chosen = candidates.get(i);
            }
        }
        return chosen;
    }

    private static List<Double> thresholds() {
        List<Double> thresholds = new ArrayList<>();
        for (int t = 2; t <= 40; t += 2) {
            thresholds.add(t / 100.0);
        }
        return thresholds;
    }

    static String describe(SameEventJudge judge) {
        SameEventJudge.Weights w = judge.weights();
        return String.format(Locale.ROOT, "threshold %.2f, content %.2f, entities %.2f, concepts %.2f, figures %.2f, rates %.2f, "
                        + "countries %.2f, targets %.2f",
                judge.threshold(), w.content(), w.entity(), w.concept(), w.figure(), w.rate(), w.country(), w.target());
    }

    /** The judge on each pair on its own, the words weighted over the pair's scenario (its date neighbourhood). */
    static Counts judgeCounts(Collection<List<LabelledMention>> scenarios, double threshold) {
        SameEventJudge judge = new SameEventJudge(threshold);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (List<LabelledMention> scenario : scenarios) {
            WordWeights words = WordWeights.of(scenario.stream().map(LabelledMention::mention).toList());
            for (Pair pair : LabelledSet.pairs(List.of(scenario))) {
                boolean merged = judge.judge(pair.a().mention(), pair.b().mention(), words).sameEvent();
                if (pair.sameEvent()) {
                    if (merged) tp++; else fn++;
                } else {
                    if (merged) fp++; else tn++;
                }
            }
        }
        return new Counts(tp, fp, fn, tn);
    }

    static Counts clusterCounts(Collection<List<LabelledMention>> scenarios, double threshold) {
        return clusterCounts(scenarios, new SameEventJudge(threshold));
    }

    static Counts clusterCounts(Collection<List<LabelledMention>> scenarios, SameEventJudge judge) {
        EventClustering clustering = new EventClustering(judge);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (List<LabelledMention> scenario : scenarios) {
            Map<String, Integer> eventOf = new HashMap<>();
            List<List<Mention>> events = clustering.cluster(scenario.stream().map(LabelledMention::mention).toList());
            for (int e = 0; e < events.size(); e++) {
                for (Mention m : events.get(e)) {
                    eventOf.put(m.id(), e);
                }
            }
            for (Pair pair : LabelledSet.pairs(List.of(scenario))) {
                boolean merged = eventOf.get(pair.a().mention().id()).equals(eventOf.get(pair.b().mention().id()));
                if (pair.sameEvent()) {
                    if (merged) tp++; else fn++;
                } else {
                    if (merged) fp++; else tn++;
                }
            }
        }
        return new Counts(tp, fp, fn, tn);
    }

    private static void listErrors(Collection<List<LabelledMention>> scenarios, SameEventJudge judge,
                                   BiPredicate<Pair, Verdict> error) {
        int n = 0;
        for (List<LabelledMention> scenario : scenarios) {
            WordWeights words = WordWeights.of(scenario.stream().map(LabelledMention::mention).toList());
            for (Pair pair : LabelledSet.pairs(List.of(scenario))) {
                Verdict v = judge.judge(pair.a().mention(), pair.b().mention(), words);
                if (error.test(pair, v)) {
                    n++;
                    System.out.printf(Locale.ROOT, "  score %.3f (content %.2f, entities %.2f, concepts %.2f %s/%s, figures %+d, "
                                    + "rates %+d, countries %+d %s/%s, targets %+d, dates %s)%n    %s%n    %s%n",
                            v.score(), v.content(), v.entities(), v.concepts(),
                            pair.a().mention().features().concepts(), pair.b().mention().features().concepts(),
                            v.figures(), v.rates(), v.countries(),
                            pair.a().mention().features().countries(), pair.b().mention().features().countries(), v.targets(),
                            v.datesCompatible() ? "compatible" : "INCOMPATIBLE",
                            pair.a().describe(), pair.b().describe());
                }
            }
        }
        System.out.println("  (" + n + ")");
    }
}
