package io.eventline.ingest.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tokens of a document, the unit of a relaxed match: gold and system spans are mapped onto
 * the same tokens, and two expressions match when they share one.
 *
 * <p>A token is a maximal run of letters and digits, or any other single non-space character
 * ("Feb." is "Feb" and "."; "1998-02-27" is five tokens), close to the Penn-Treebank-style
 * tokenization the TempEval-3 scorer used without needing its tokenizer. A span touching part of
 * a token covers that token.
 */
public final class Tokens {

    private final int[] starts;
    private final int[] ends;

    private Tokens(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static Tokens of(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i += width;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                tokens.add(new int[] {start, i});
            } else {
                tokens.add(new int[] {i, i + width});
                i += width;
            }
        }
        return new Tokens(tokens.stream().mapToInt(t -> t[0]).toArray(), tokens.stream().mapToInt(t -> t[1]).toArray());
    }

    public int size() {
        return starts.length;
    }

    /**
     * The indices {@code [first, last)} of the tokens the span {@code [start, end)} touches; empty
     * ({@code first == last}) for a span of whitespace only or an empty span.
     */
    public int[] covered(int start, int end) {
        if (end <= start) {
            return new int[] {0, 0};
        }
        // first token ending after start
        int first = Arrays.binarySearch(ends, start + 1);
        first = first >= 0 ? first : -first - 1;
        // first token starting at or after end
        int last = Arrays.binarySearch(starts, end);
        last = last >= 0 ? last : -last - 1;
        return last > first ? new int[] {first, last} : new int[] {first, first};
    }
}
