package io.eventline.ingest.timex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the trigger words of the rules occur in a text: runs of letters (lower-cased) and runs of
 * digits. Digit runs are indexed under {@code #number}, and those that could be a year (1000-2099)
 * under {@code #year}. Rules name the words they need ({@link TimexRule#triggers()}); the tagger
 * then runs a rule only in windows around them.
 *
 * <p>Only the words of a {@link Vocabulary} (every trigger of the rules) are recorded, and they are
 * looked up without copying the word out of the text.
 */
final class TokenIndex {

    static final String NUMBER = "#number";
    static final String YEAR = "#year";

    /**
     * The trigger words of a rule set, numbered, and the distinct trigger lists of its rules
     * (rules share them, "@normMonth"): the windows of a list are computed once per text.
     */
    static final class Vocabulary {

        private final String[] words;
        /** Open addressing: slot -> word id + 1, 0 when empty. */
        private final int[] slots;
        private final int mask;
        private final int number;
        private final int year;
        /** By trigger list: the ids of its words; an empty list means "everywhere". */
        private final int[][] lists;
        private final Map<List<String>, Integer> listIds;

        Vocabulary(List<List<String>> triggerLists) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            ids.put(NUMBER, 0);
            ids.put(YEAR, 1);
            listIds = new LinkedHashMap<>();
            List<int[]> lists = new ArrayList<>();
            for (List<String> triggers : triggerLists) {
                if (listIds.containsKey(triggers)) {
                    continue;
                }
                int[] list = new int[triggers.size()];
                for (int i = 0; i < list.length; i++) {
                    list[i] = ids.computeIfAbsent(triggers.get(i), word -> ids.size());
                }
                listIds.put(List.copyOf(triggers), lists.size());
                lists.add(list);
            }
            this.words = ids.keySet().toArray(String[]::new);
            this.number = 0;
            this.year = 1;
            this.lists = lists.toArray(int[][]::new);
            int size = Integer.highestOneBit(Math.max(4, words.length) * 4);
            this.slots = new int[size];
            this.mask = size - 1;
            for (int id = 0; id < words.length; id++) {
                int slot = words[id].hashCode() & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = id + 1;
            }
        }

        /** The number of the trigger list, for {@link TokenIndex#windows}. */
        int list(List<String> triggers) {
            Integer id = listIds.get(triggers);
            if (id == null) {
                throw new IllegalArgumentException("not a trigger list of this vocabulary: " + triggers);
            }
            return id;
        }

        int lists() {
            return lists.length;
        }

        int size() {
            return words.length;
        }

        /** The id of the lower-cased letters {@code text[start, end)}, or -1 if no rule names it. */
        int id(String text, int start, int end) {
            int hash = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return id(text.substring(start, end).toLowerCase(Locale.ROOT)); // as String.toLowerCase
                }
                hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            int length = end - start;
            for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                String word = words[slots[slot] - 1];
                if (word.length() == length && sameLowerCase(word, text, start)) {
                    return slots[slot] - 1;
                }
            }
            return -1;
        }

        private int id(String word) {
            for (int slot = word.hashCode() & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                if (words[slots[slot] - 1].equals(word)) {
                    return slots[slot] - 1;
                }
            }
            return -1;
        }

        /** ASCII only: {@code word} is {@code text} from {@code start} lower-cased. */
        private static boolean sameLowerCase(String word, String text, int start) {
            for (int i = 0; i < word.length(); i++) {
                char c = text.charAt(start + i);
                if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Vocabulary vocabulary;
    private final int[][] positions;
    private final int[] counts;
    private final int[] starts;
    private final int[][] windowsByList;

    private TokenIndex(Vocabulary vocabulary, int[][] positions, int[] counts, int[] starts) {
        this.vocabulary = vocabulary;
        this.positions = positions;
        this.counts = counts;
        this.starts = starts;
        this.windowsByList = new int[vocabulary.lists()][];
    }

    /** Where words (and apostrophes, as in "'80s") start, ascending: where an expression can start. */
    int[] starts() {
        return starts;
    }

    static TokenIndex of(String text, Vocabulary vocabulary) {
        int[][] positions = new int[vocabulary.size()][];
        int[] counts = new int[vocabulary.size()];
        int i = 0;
        int n = text.length();
        int[] starts = new int[Math.max(16, n / 4)];
        int s = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || (c >= '0' && c <= '9') || c == '\'' || c == '’') {
                if (s == starts.length) {
                    starts = Arrays.copyOf(starts, s * 2);
                }
                starts[s++] = i;
            }
            if (Character.isLetter(c)) {
                int start = i;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                int id = vocabulary.id(text, start, i);
                if (id >= 0) {
                    add(positions, counts, id, start);
                }
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                add(positions, counts, vocabulary.number, start);
                if (i - start == 4 && (text.charAt(start) == '1' || (text.charAt(start) == '2' && text.charAt(start + 1) == '0'))) {
                    add(positions, counts, vocabulary.year, start);
                }
            } else {
                i++;
            }
        }
        return new TokenIndex(vocabulary, positions, counts, Arrays.copyOf(starts, s));
    }

    private static void add(int[][] positions, int[] counts, int id, int at) {
        int count = counts[id];
        int[] list = positions[id];
        if (list == null) {
            list = new int[4];
            positions[id] = list;
        } else if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
            positions[id] = list;
        }
        list[count] = at;
        counts[id] = count + 1;
    }

    /**
     * The merged windows {@code [start, end)} from {@code radius} characters before every occurrence
     * of the triggers of list {@code list} ({@link Vocabulary#list}) up to it (an expression starts
     * at most that far before its trigger word), as a flat array start0, end0, start1, end1 ...;
     * the whole text if the list is empty. Computed once per list and radius (the tagger uses one).
     */
    int[] windows(int list, int radius, int length) {
        int[] windows = windowsByList[list];
        if (windows == null) {
            windows = computeWindows(vocabulary.lists[list], radius, length);
            windowsByList[list] = windows;
        }
        return windows;
    }

    private int[] computeWindows(int[] triggers, int radius, int length) {
        if (triggers.length == 0) {
            return new int[] {0, length};
        }
        int total = 0;
        for (int trigger : triggers) {
            total += counts[trigger];
        }
        if (total == 0) {
            return new int[0];
        }
        int[] all = new int[total];
        int k = 0;
        for (int trigger : triggers) {
            int count = counts[trigger];
            if (count > 0) {
                System.arraycopy(positions[trigger], 0, all, k, count);
                k += count;
            }
        }
        Arrays.sort(all);
        int[] windows = new int[total * 2];
        int w = 0;
        for (int at : all) {
            int start = Math.max(0, at - radius);
            int end = Math.min(length, at + 1);
            if (w > 0 && start <= windows[w - 1]) {
                windows[w - 1] = Math.max(windows[w - 1], end);
            } else {
                windows[w++] = start;
                windows[w++] = end;
            }
        }
        return Arrays.copyOf(windows, w);
    }
}
