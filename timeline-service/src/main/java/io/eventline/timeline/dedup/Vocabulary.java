package io.eventline.timeline.dedup;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A number for each word (content-word stem or entity count key), the same for the life of the JVM,
 * so that the judge compares reports with sorted {@code int} arrays and {@link WordWeights} counts
 * words in a primitive table, instead of hashing strings for every pair of reports compared. Only
 * the JVM-local identity of a word is numbered: no decision depends on the numbers.
 *
 * <p>It grows with the words seen (the vocabulary of the news, tens of thousands of stems); thread-safe.
 */
final class Vocabulary {

    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>(1 << 16);

    private Vocabulary() {
    }

    static int id(String word) {
        Integer id = IDS.get(word);
        if (id != null) {
            return id;
        }
        synchronized (IDS) {
            return IDS.computeIfAbsent(word, w -> IDS.size());
        }
    }

    /** The numbers of the words, ascending, each once. */
    static int[] sortedIds(Collection<String> words) {
        int[] ids = words.stream().mapToInt(Vocabulary::id).distinct().toArray();
        Arrays.sort(ids);
        return ids;
    }
}
