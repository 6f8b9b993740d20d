package io.eventline.ingest.service;

import io.eventline.ingest.extraction.TextSpan;

import java.util.Objects;

/**
 * An article text after normalization, with the way back: every character of {@link #text()} knows
 * the range of the submitted text it came from, so offsets found in the normalized text can be
 * reported as Java string indices into what the client sent.
 *
 * <p>The map is monotonic: a character later in the normalized text never comes from earlier in
 * the original. A character that replaced several (a single space for a run of whitespace, a plain
 * quote for a curly one, "&amp;" decoded to "&") covers all of them; a character the normalizer
 * inserted (a paragraph break for an HTML block) covers no original character and sits where the
 * markup that caused it starts.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    NormalizedText(String original, String text, int[] starts, int[] ends) {
        this.original = Objects.requireNonNull(original, "original");
        this.text = Objects.requireNonNull(text, "text");
        if (starts.length != text.length() || ends.length != text.length()) {
            throw new IllegalArgumentException("one origin per normalized character");
        }
        this.starts = starts;
        this.ends = ends;
    }

    /** The normalized text the extractor reads. */
    public String text() {
        return text;
    }

    /** The text as submitted. */
    public String original() {
        return original;
    }

    /**
     * Where the character at {@code normalizedOffset} came from in the original. For the offset
     * just past the end, the end of the last character's origin.
     */
    public int originalOffset(int normalizedOffset) {
        Objects.checkIndex(normalizedOffset, text.length() + 1);
        if (normalizedOffset == text.length()) {
            return text.isEmpty() ? 0 : ends[text.length() - 1];
        }
        return starts[normalizedOffset];
    }

    /** The original offset just after the origin of the character before {@code normalizedEnd}. */
    public int originalEnd(int normalizedEnd) {
        Objects.checkIndex(normalizedEnd, text.length() + 1);
        if (normalizedEnd == 0) {
            return text.isEmpty() ? 0 : starts[0];
        }
        return ends[normalizedEnd - 1];
    }

    /** A half-open span of the normalized text as the span of the original it came from. */
    public TextSpan originalSpan(TextSpan normalized) {
        if (normalized.length() == 0) {
            int at = originalOffset(normalized.start());
            return new TextSpan(at, at);
        }
        return new TextSpan(originalOffset(normalized.start()), originalEnd(normalized.end()));
    }
}
