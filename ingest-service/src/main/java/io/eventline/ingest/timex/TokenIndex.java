package io.eventline.ingest.timex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each word of a text occurs: runs of letters (lower-cased) and runs of digits. Digit runs
 * are also indexed under {@code #number}, and those that could be a year (1000-2099) under
 * {@code #year}. Rules name the words they need ({@link TimexRule#triggers()}); the tagger then
 * runs a rule only in windows around them.
 */
final class TokenIndex {

    static final String NUMBER = "#number";
    static final String YEAR = "#year";

    private final Map<String, int[]> positions;
    private final Map<String, Integer> counts;

    private final int[] starts;

    private TokenIndex(Map<String, int[]> positions, Map<String, Integer> counts, int[] starts) {
        this.positions = positions;
        this.counts = counts;
        this.starts = starts;
    }

    /** Where words (and apostrophes, as in "'80s") start, ascending: where an expression can start. */
    int[] starts() {
        return starts;
    }

    static TokenIndex of(String text) {
        Map<String, int[]> positions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
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
                add(positions, counts, text.substring(start, i).toLowerCase(Locale.ROOT), start);
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                add(positions, counts, NUMBER, start);
                if (i - start == 4 && (text.charAt(start) == '1' || (text.charAt(start) == '2' && text.charAt(start + 1) == '0'))) {
                    add(positions, counts, YEAR, start);
                }
            } else {
                i++;
            }
        }
        return new TokenIndex(positions, counts, Arrays.copyOf(starts, s));
    }

    private static void add(Map<String, int[]> positions, Map<String, Integer> counts, String token, int at) {
        int count = counts.getOrDefault(token, 0);
        int[] list = positions.get(token);
        if (list == null) {
            list = new int[4];
            positions.put(token, list);
        } else if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
            positions.put(token, list);
        }
        list[count] = at;
        counts.put(token, count + 1);
    }

    /**
     * The merged windows {@code [start, end)} from {@code radius} characters before every occurrence
     * of the triggers up to it (an expression starts at most that far before its trigger word), as a flat array start0, end0, start1, end1 ...; the whole text if there are
     * no triggers.
     */
    int[] windows(List<String> triggers, int radius, int length) {
        if (triggers.isEmpty()) {
            return new int[] {0, length};
        }
        int total = 0;
        for (String trigger : triggers) {
            total += counts.getOrDefault(trigger, 0);
        }
        if (total == 0) {
            return new int[0];
        }
        int[] all = new int[total];
        int k = 0;
        for (String trigger : triggers) {
            int count = counts.getOrDefault(trigger, 0);
            if (count > 0) {
                System.arraycopy(positions.get(trigger), 0, all, k, count);
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
