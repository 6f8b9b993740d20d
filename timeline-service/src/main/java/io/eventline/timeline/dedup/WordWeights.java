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
        return Counts.of(mentions).weights();
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

    /**
     * The document frequencies of a group of reports, which may change a report at a time ({@link RollingWordWeights}).
     * A word no report of the group uses any more keeps its slot with a count of 0, which weighs what a word
     * outside the group weighs; such slots are dropped when the table grows.
     */
    static final class Counts {
        /** Per slot, the word's number + 1 (0: a free slot) followed by its document frequency. */
        private int[] table;
        /** Slots holding a word, counted or not: kept at most half the table, so that a probe ends soon. */
        private int claimed;
        private int reports;

        /** Counts sized for this many words without growing. */
        private Counts(int words) {
            table = new int[2 * (Integer.highestOneBit(Math.max(8, words) * 2 - 1) << 1)];
        }

        /** The counts of these reports. */
        static Counts of(Collection<Mention> mentions) {
            int occurrences = 0;
            for (Mention mention : mentions) {
                occurrences += mention.features().stemIds().length + mention.features().entityCountIds().length;
            }
            Counts counts = new Counts(occurrences);
            for (Mention mention : mentions) {
                counts.add(mention);
            }
            return counts;
        }

        void add(Mention mention) {
            count(mention, 1);
            reports++;
        }

        /** Takes back an {@link #add}: the mention must have been added. */
        void remove(Mention mention) {
            count(mention, -1);
            reports--;
        }

        /** The weights of the group as it is now; they follow the counts until the next change. */
        WordWeights weights() {
            // computed once per frequency, not once per word: the weights are the very same numbers
            double[] byFrequency = new double[reports + 2];
            for (int count = 0; count < byFrequency.length; count++) {
                byFrequency[count] = idf(reports, count);
            }
            return new WordWeights(idf(reports, 1), table, byFrequency);
        }

        private void count(Mention mention, int by) {
            for (int stem : mention.features().stemIds()) {
                count(stem, by);
            }
            for (int key : mention.features().numbered().distinctEntityCountIds()) {
                count(key, by);
            }
        }

        private void count(int word, int by) {
            if (2 * (claimed + 1) > table.length / 2) {
                rehash();
            }
            int key = word + 1;
            int mask = table.length / 2 - 1;
            int i = hash(key) & mask;
            while (table[2 * i] != key && table[2 * i] != 0) {
                i = (i + 1) & mask;
            }
            if (table[2 * i] == 0) {
                if (by < 0) {
                    throw new IllegalStateException("word " + word + " taken back but never counted");
                }
                table[2 * i] = key;
                claimed++;
            }
            table[2 * i + 1] += by;
        }

        /** Into a table four times the words still counted, leaving out those no report uses any more. */
        private void rehash() {
            int[] old = table;
            int live = 0;
            for (int i = 0; i < old.length; i += 2) {
                if (old[i + 1] > 0) {
                    live++;
                }
            }
            table = new int[2 * (Integer.highestOneBit(Math.max(8, live) * 4 - 1) << 1)];
            claimed = 0;
            for (int i = 0; i < old.length; i += 2) {
                if (old[i + 1] > 0) {
                    count(old[i] - 1, old[i + 1]);
                }
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
