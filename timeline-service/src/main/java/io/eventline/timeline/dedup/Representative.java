package io.eventline.timeline.dedup;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses the report whose text stands for a merged event: the one most similar to the others (the
 * highest mean judge score against the rest of the event, i.e. the medoid), because it is the one
 * that says what the reports agree on. Ties go to the report with the most precise date, then to the
 * first reported ({@link Report#CANONICAL_ORDER}). An event of one report is represented by it.
 */
public final class Representative {

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
        Comparator<Integer> rule = Comparator.<Integer>comparingDouble(i -> -centrality[i])
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
