package io.eventline.timeline.dedup;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How informative each content word and each entity is among the reports being compared: an inverse
 * document frequency over that group, {@code ln((n + 1) / df)}, where {@code n} is the number of
 * reports and {@code df} the number of them that use the word. In production the group is what the
 * consumer has at hand when it places a report: the mentions of the candidate events of its date
 * neighbourhood. So "Trump" and "tariff" weigh little among a day of Trump's tariff news, and
 * "Sinaloa" or "magnitude" much more, without a corpus-wide table that would go stale.
 *
 * <p>A word the group does not contain (a report compared outside its group) weighs as a word of one
 * report. Immutable and thread-safe.
 */
public final class WordWeights {

    private final double unseen;
    private final Map<String, int[]> frequency;
    /** The weight of a word by its document frequency (the same formula for every word of that frequency). */
    private final double[] byFrequency;

    private WordWeights(double unseen, Map<String, int[]> frequency, double[] byFrequency) {
        this.unseen = unseen;
        this.frequency = frequency;
        this.byFrequency = byFrequency;
    }

    /** The weights of the words and entities of {@code mentions} (each report counted once). */
    public static WordWeights of(Collection<Mention> mentions) {
        Map<String, int[]> frequency = new HashMap<>(mentions.size() * 32);
        for (Mention mention : mentions) {
            for (String stem : mention.features().stems()) {
                frequency.computeIfAbsent(stem, w -> new int[1])[0]++;
            }
            List<String> keys = mention.features().entityCountKeys();
            for (int i = 0; i < keys.size(); i++) {
                if (keys.indexOf(keys.get(i)) == i) {
                    frequency.computeIfAbsent(keys.get(i), w -> new int[1])[0]++;
                }
            }
        }
        int reports = mentions.size();
        // computed once per frequency, not once per word: the weights are the very same numbers
        double[] byFrequency = new double[reports + 2];
        for (int count = 0; count < byFrequency.length; count++) {
            byFrequency[count] = idf(reports, count);
        }
        return new WordWeights(idf(reports, 1), frequency, byFrequency);
    }

    /** The weights of a group of two reports, for a pair judged on its own. */
    static WordWeights of(Mention a, Mention b) {
        return of(List.of(a, b));
    }

    double word(String stem) {
        return weight(stem);
    }

    double entity(String countKey) {
        return weight(countKey);
    }

    private double weight(String key) {
        int[] count = frequency.get(key);
        return count == null ? unseen : byFrequency[Math.min(count[0], byFrequency.length - 1)];
    }

    private static double idf(int reports, int documentFrequency) {
        return Math.log((reports + 1.0) / Math.max(1, Math.min(documentFrequency, reports)));
    }
}
