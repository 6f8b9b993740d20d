package io.eventline.timeline.dedup;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses the report whose text stands for a merged event: the one most similar to the others (the
 * highest mean judge score against the rest of the event, i.e. the medoid), because it is the one
 * that says what the reports agree on. Ties go to the report with the most precise date, then to the
 * first reported ({@link Report#CANONICAL_ORDER}); centralities that differ only in their last bits tie. An
 * event of one report is represented by it.
 */
public final class Representative {

    /** Centralities are compared to the billionth: far finer than any real difference of scores, far coarser than rounding. */
    private static final double CENTRALITY_PRECISION = 1e9;

    private Representative() {
    }

    public static Mention of(List<Mention> event, SameEventJudge judge) {
        if (event.isEmpty()) {
            throw new IllegalArgumentException("an event without reports");
        }
        WordWeights words = WordWeights.of(event);
        double[] centrality = new double[event.size()];
        for (int i = 0; i < event.size(); i++) {
            SameEventJudge.Comparison comparison = judge.against(event.get(i), words);
            for (int j = i + 1; j < event.size(); j++) {
                double score = comparison.score(event.get(j));
                centrality[i] += score;
                centrality[j] += score;
            }
        }
        // centralities equal but for the last bits (reports saying the same, their scores summed in another
        // order: the order the JVM numbered the words in) are a tie, so the rule below decides, not the JVM
        long[] rounded = new long[event.size()];
        for (int i = 0; i < event.size(); i++) {
            rounded[i] = Math.round(centrality[i] * CENTRALITY_PRECISION);
        }
        Comparator<Integer> rule = Comparator.<Integer>comparingLong(i -> -rounded[i])
                .thenComparingLong(i -> event.get(i).date().days())
                .thenComparing(i -> event.get(i).report(), Report.CANONICAL_ORDER);
        int chosen = 0;
        for (int i = 1; i < event.size(); i++) {
            if (rule.compare(i, chosen) < 0) {
                chosen = i;
            }
        }
        return event.get(chosen);
    }
}
