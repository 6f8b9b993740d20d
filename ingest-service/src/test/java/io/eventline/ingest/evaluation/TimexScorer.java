package io.eventline.ingest.evaluation;

import io.eventline.ingest.extraction.TemporalExpression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Aligns a tagger's expressions with the gold ones of a document the TempEval-3 way
 * (see /work/shared/design/TIMEX-SCORING.md): gold and system spans are mapped onto the same
 * {@link Tokens}; a system and a gold expression are a relaxed match when they share a token;
 * pairing is greedy, left to right, one to one, so a second system expression overlapping an
 * already paired gold one is a false positive (and a second gold one a false negative).
 */
public final class TimexScorer {

    /** A relaxed match. */
    public record Pair(GoldTimex gold, TemporalExpression system) {

        /** The two spans cover exactly the same characters. */
        public boolean strict() {
            return gold.start() == system.start() && gold.end() == system.end();
        }

        public boolean valueCorrect() {
            return gold.value().equals(system.value());
        }

        public boolean typeCorrect() {
            return gold.type().equals(system.type().name());
        }
    }

    /**
     * The alignment of one document.
     *
     * @param pairs    the relaxed matches
     * @param spurious system expressions matching no gold one (false positives)
     * @param missed   gold expressions matched by no system one (false negatives)
     */
    public record Alignment(List<Pair> pairs, List<TemporalExpression> spurious, List<GoldTimex> missed) {

        public TimexCounts counts() {
            int strict = (int) pairs.stream().filter(Pair::strict).count();
            int values = (int) pairs.stream().filter(Pair::valueCorrect).count();
            int types = (int) pairs.stream().filter(Pair::typeCorrect).count();
            return new TimexCounts(pairs.size() + spurious.size(), pairs.size() + missed.size(),
                    pairs.size(), strict, values, types);
        }
    }

    public Alignment align(String text, List<GoldTimex> gold, List<TemporalExpression> system) {
        Tokens tokens = Tokens.of(text);
        List<GoldTimex> goldInOrder = new ArrayList<>(gold);
        goldInOrder.sort(Comparator.comparingInt(GoldTimex::start).thenComparingInt(GoldTimex::end));
        List<TemporalExpression> systemInOrder = new ArrayList<>(system);
        systemInOrder.sort(Comparator.comparingInt(TemporalExpression::start).thenComparingInt(TemporalExpression::end));

        int[][] goldTokens = goldInOrder.stream().map(g -> tokens.covered(g.start(), g.end())).toArray(int[][]::new);
        boolean[] goldPaired = new boolean[goldInOrder.size()];
        List<Pair> pairs = new ArrayList<>();
        List<TemporalExpression> spurious = new ArrayList<>();
        for (TemporalExpression expression : systemInOrder) {
            int[] covered = tokens.covered(expression.start(), expression.end());
            int match = -1;
            for (int g = 0; g < goldInOrder.size() && match < 0; g++) {
                if (!goldPaired[g] && shareAToken(covered, goldTokens[g])) {
                    match = g;
                }
            }
            if (match < 0) {
                spurious.add(expression);
            } else {
                goldPaired[match] = true;
                pairs.add(new Pair(goldInOrder.get(match), expression));
            }
        }
        List<GoldTimex> missed = new ArrayList<>();
        for (int g = 0; g < goldInOrder.size(); g++) {
            if (!goldPaired[g]) {
                missed.add(goldInOrder.get(g));
            }
        }
        return new Alignment(pairs, spurious, missed);
    }

    private static boolean shareAToken(int[] a, int[] b) {
        return Math.max(a[0], b[0]) < Math.min(a[1], b[1]);
    }
}
