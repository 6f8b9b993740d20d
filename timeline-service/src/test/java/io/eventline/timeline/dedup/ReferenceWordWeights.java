package io.eventline.timeline.dedup;

import java.util.Collection;
import java.util.List;

/**
 * {@link WordWeights} as it was before its CPU was cut (commit ed9102b), kept unchanged as the reference
 * the faster code must match to the last bit ({@code FastScoringTest}): every score, and so every
 * decision. Not used by the service.
 */
final class ReferenceWordWeights {

    private final double unseen;
    /** Word number + 1 (0: a free slot), and its document frequency at the same index. */
    private final int[] words;
    private final int[] frequency;
    private final int mask;
    /** The weight of a word by its document frequency (the same formula for every word of that frequency). */
    private final double[] byFrequency;

    private ReferenceWordWeights(double unseen, int[] words, int[] frequency, double[] byFrequency) {
        this.unseen = unseen;
        this.words = words;
        this.frequency = frequency;
        this.mask = words.length - 1;
        this.byFrequency = byFrequency;
    }

    /** The weights of the words and entities of {@code mentions} (each report counted once). */
    static ReferenceWordWeights of(Collection<Mention> mentions) {
        int occurrences = 0;
        for (Mention mention : mentions) {
            occurrences += mention.features().stemIds().length + mention.features().entityCountIds().length;
        }
        int slots = Integer.highestOneBit(Math.max(8, occurrences) * 2 - 1) << 1;
        int[] words = new int[slots];
        int[] frequency = new int[slots];
        for (Mention mention : mentions) {
            for (int stem : mention.features().stemIds()) {
                frequency[slot(words, stem)]++;
            }
            int[] keys = mention.features().entityCountIds();
            for (int i = 0; i < keys.length; i++) {
                if (firstAt(keys, i)) {
                    frequency[slot(words, keys[i])]++;
                }
            }
        }
        int reports = mentions.size();
        // computed once per frequency, not once per word: the weights are the very same numbers
        double[] byFrequency = new double[reports + 2];
        for (int count = 0; count < byFrequency.length; count++) {
            byFrequency[count] = idf(reports, count);
        }
        return new ReferenceWordWeights(idf(reports, 1), words, frequency, byFrequency);
    }

    /** The weights of a group of two reports, for a pair judged on its own. */
    static ReferenceWordWeights of(Mention a, Mention b) {
        return of(List.of(a, b));
    }

    /** The weight of a word or entity count key, by its {@link Vocabulary} number. */
    double weight(int word) {
        int key = word + 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            int found = words[i];
            if (found == key) {
                return byFrequency[Math.min(frequency[i], byFrequency.length - 1)];
            }
            if (found == 0) {
                return unseen;
            }
        }
    }

    /** The slot of the word in the table, claimed if it is not there yet (the table is never full). */
    private static int slot(int[] words, int word) {
        int key = word + 1;
        int mask = words.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (words[i] == key) {
                return i;
            }
            if (words[i] == 0) {
                words[i] = key;
                return i;
            }
        }
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Whether {@code keys[i]} does not occur before position i (a report counts a key once). */
    private static boolean firstAt(int[] keys, int i) {
        for (int j = 0; j < i; j++) {
            if (keys[j] == keys[i]) {
                return false;
            }
        }
        return true;
    }

    private static double idf(int reports, int documentFrequency) {
        return Math.log((reports + 1.0) / Math.max(1, Math.min(documentFrequency, reports)));
    }
}
