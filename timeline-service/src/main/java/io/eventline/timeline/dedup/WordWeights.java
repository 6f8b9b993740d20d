package io.eventline.timeline.dedup;

import java.util.Collection;
import java.util.List;

/**
 * How informative each content word and each entity is among the reports being compared: an inverse
 * document frequency over that group, {@code ln((n + 1) / df)}, where {@code n} is the number of
 * reports and {@code df} the number of them that use the word. In production the group is what the
 * consumer has at hand when it places a report: the mentions of the candidate events of its date
 * neighbourhood. So "Trump" and "tariff" weigh little among a day of Trump's tariff news, and
 * "Sinaloa" or "magnitude" much more, without a corpus-wide table that would go stale.
 *
 * <p>A word the group does not contain (a report compared outside its group) weighs as a word of one
 * report. Words are known by their {@link Vocabulary} numbers and counted in an open-addressing table
 * of {@code int}s: the consumer builds one per placement over hundreds of reports, and looks a weight
 * up for every word of every pair it judges. Immutable and thread-safe.
 */
public final class WordWeights {

    private final double unseen;
    /**
     * Per slot, the word's number + 1 (0: a free slot) followed by its document frequency: side by side,
     * so that a look-up reads one cache line (the table of a neighbourhood is larger than the L1 cache).
     */
    private final int[] table;
    private final int mask;
    /** The weight of a word by its document frequency (the same formula for every word of that frequency). */
    private final double[] byFrequency;

    private WordWeights(double unseen, int[] table, double[] byFrequency) {
        this.unseen = unseen;
        this.table = table;
        this.mask = table.length / 2 - 1;
        this.byFrequency = byFrequency;
    }

    /** The weights of the words and entities of {@code mentions} (each report counted once). */
    public static WordWeights of(Collection<Mention> mentions) {
        int occurrences = 0;
        for (Mention mention : mentions) {
            occurrences += mention.features().stemIds().length + mention.features().entityCountIds().length;
        }
        int slots = Integer.highestOneBit(Math.max(8, occurrences) * 2 - 1) << 1;
        int[] table = new int[2 * slots];
        for (Mention mention : mentions) {
            for (int stem : mention.features().stemIds()) {
                table[2 * slot(table, stem) + 1]++;
            }
            for (int key : mention.features().numbered().distinctEntityCountIds()) {
                table[2 * slot(table, key) + 1]++;
            }
        }
        int reports = mentions.size();
        // computed once per frequency, not once per word: the weights are the very same numbers
        double[] byFrequency = new double[reports + 2];
        for (int count = 0; count < byFrequency.length; count++) {
            byFrequency[count] = idf(reports, count);
        }
        return new WordWeights(idf(reports, 1), table, byFrequency);
    }

    /** The weights of a group of two reports, for a pair judged on its own. */
    static WordWeights of(Mention a, Mention b) {
        return of(List.of(a, b));
    }

    /** The weight of a word or entity count key, by its {@link Vocabulary} number. */
    double weight(int word) {
        int slot = slotOf(word);
        return slot < 0 ? unseen : weightAt(slot);
    }

    /** Where the word is counted in this table (a number below {@link #size()}), or -1 if the group does not contain it. */
    int slotOf(int word) {
        int key = word + 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            int found = table[2 * i];
            if (found == key) {
                return i;
            }
            if (found == 0) {
                return -1;
            }
        }
    }

    /** The weight of the word at this {@link #slotOf slot}. */
    double weightAt(int slot) {
        return byFrequency[Math.min(table[2 * slot + 1], byFrequency.length - 1)];
    }

    /** The number of slots. */
    int size() {
        return mask + 1;
    }

    /** The slot of the word in the table, claimed if it is not there yet (the table is never full). */
    private static int slot(int[] table, int word) {
        int key = word + 1;
        int mask = table.length / 2 - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (table[2 * i] == key) {
                return i;
            }
            if (table[2 * i] == 0) {
                table[2 * i] = key;
                return i;
            }
        }
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static double idf(int reports, int documentFrequency) {
        return Math.log((reports + 1.0) / Math.max(1, Math.min(documentFrequency, reports)));
    }
}
