package io.eventline.ingest.service;

import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text under normalization that remembers, for each of its characters, the half-open range of
 * the original text it comes from. A step either replaces the matches of a regex or writes a new
 * text character by character ({@link #builder()}), giving each character the origin of what it
 * replaces.
 */
final class MappedText {

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private MappedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    static MappedText of(String original) {
        int[] starts = new int[original.length()];
        int[] ends = new int[original.length()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new MappedText(original, original, starts, ends);
    }

    String text() {
        return text;
    }

    /** Where the origin of the character at {@code index} starts in the original. */
    int originStart(int index) {
        return starts[index];
    }

    /** Where the origin of the character at {@code index} ends in the original. */
    int originEnd(int index) {
        return ends[index];
    }

    /** A builder for the next text, to be written from this one. */
    Builder builder() {
        return new Builder(original, text.length());
    }

    NormalizedText toNormalizedText() {
        return new NormalizedText(original, text, starts, ends);
    }

    MappedText replaceAll(Pattern pattern, String replacement) {
        return replaceAll(pattern, match -> replacement);
    }

    /**
     * Replaces every match. Characters outside matches keep their origin. A replacement as long as
     * its match maps character by character; any other replacement maps each of its characters to
     * the whole origin of the match (to the point where the match starts if the match is empty).
     */
    MappedText replaceAll(Pattern pattern, Function<MatchResult, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return this;
        }
        Builder builder = new Builder(original, text.length());
        int last = 0;
        do {
            builder.copy(this, last, matcher.start());
            String by = replacement.apply(matcher.toMatchResult());
            if (by.length() == matcher.end() - matcher.start()) {
                for (int i = 0; i < by.length(); i++) {
                    builder.append(by.charAt(i), starts[matcher.start() + i], ends[matcher.start() + i]);
                }
            } else {
                int from = originAt(matcher.start());
                int to = matcher.end() > matcher.start() ? ends[matcher.end() - 1] : from;
                for (int i = 0; i < by.length(); i++) {
                    builder.append(by.charAt(i), from, to);
                }
            }
            last = matcher.end();
        } while (matcher.find());
        builder.copy(this, last, text.length());
        return builder.build();
    }

    /** Without leading and trailing whitespace. */
    MappedText strip() {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from == 0 && to == text.length()) {
            return this;
        }
        return new MappedText(original, text.substring(from, to),
                Arrays.copyOfRange(starts, from, to), Arrays.copyOfRange(ends, from, to));
    }

    /** The original position the character at {@code offset} starts at; past the end, where the text ends. */
    private int originAt(int offset) {
        if (offset < text.length()) {
            return starts[offset];
        }
        return text.isEmpty() ? 0 : ends[text.length() - 1];
    }

    /** Builds a mapped text character by character, e.g. from an HTML document. */
    static final class Builder {

        private final String original;
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(String original, int capacity) {
            this.original = original;
            this.text = new StringBuilder(Math.max(16, capacity));
            this.starts = new int[Math.max(16, capacity)];
            this.ends = new int[Math.max(16, capacity)];
        }

        int length() {
            return text.length();
        }

        char charAt(int index) {
            return text.charAt(index);
        }

        /** The end of the last appended character's origin, or 0. */
        int lastEnd() {
            return text.isEmpty() ? 0 : ends[text.length() - 1];
        }

        Builder append(char c, int originStart, int originEnd) {
            if (text.length() == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            starts[text.length()] = originStart;
            ends[text.length()] = originEnd;
            text.append(c);
            return this;
        }

        /** Makes the origin of the last character reach {@code originEnd}: it took in what follows. */
        void extendLast(int originEnd) {
            ends[text.length() - 1] = originEnd;
        }

        void copy(MappedText source, int from, int to) {
            for (int i = from; i < to; i++) {
                append(source.text.charAt(i), source.starts[i], source.ends[i]);
            }
        }

        MappedText build() {
            return new MappedText(original, text.toString(), Arrays.copyOf(starts, text.length()),
                    Arrays.copyOf(ends, text.length()));
        }
    }
}
