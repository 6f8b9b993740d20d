package io.eventline.ingest.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits normalized text into sentences. Paragraphs (separated by a blank line) always end a
 * sentence; a single line break does not, because plain-text articles are often hard-wrapped.
 * Inside a paragraph a sentence ends at {@code . ! ?} (plus closing quotes or brackets) followed
 * by whitespace and something that can start a sentence, unless the full stop belongs to an
 * abbreviation ("Gen.", "Feb.", "U.S.") or an initial ("Gregory M. Guillot").
 */
public final class Sentences {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern TERMINATOR = Pattern.compile("[.!?]+[\"'”’)\\]]*");

    /** Words that are followed by a full stop without ending a sentence (case-sensitive). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft",
            "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Gov", "Sen", "Rep",
            "Pres", "Rev", "Hon", "Amb", "Supt", "Insp",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Inc", "Corp", "Co", "Ltd", "Bros", "No", "Nos", "Vol", "vs", "etc", "approx", "est", "Fig", "p", "pp");

    private Sentences() {
    }

    /** The sentences of {@code text} as spans, trimmed of surrounding whitespace, in text order. */
    public static List<TextSpan> spans(String text) {
        List<TextSpan> sentences = new ArrayList<>();
        int paragraphStart = 0;
        Matcher breaks = PARAGRAPH_BREAK.matcher(text);
        while (breaks.find()) {
            splitParagraph(text, paragraphStart, breaks.start(), sentences);
            paragraphStart = breaks.end();
        }
        splitParagraph(text, paragraphStart, text.length(), sentences);
        return sentences;
    }

    private static void splitParagraph(String text, int start, int end, List<TextSpan> sentences) {
        int sentenceStart = start;
        Matcher terminators = TERMINATOR.matcher(text).region(start, end);
        while (terminators.find()) {
            int after = terminators.end();
            if (endsSentence(text, terminators.start(), after, end)) {
                add(text, sentenceStart, after, sentences);
                sentenceStart = after;
            }
        }
        add(text, sentenceStart, end, sentences);
    }

    private static boolean endsSentence(String text, int punctuation, int after, int paragraphEnd) {
        if (after >= paragraphEnd) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(after))) {
            return false; // "9.5", "wsws.org", "U.S." inside a token
        }
        int next = after;
        while (next < paragraphEnd && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next >= paragraphEnd || !canStartSentence(text, next, paragraphEnd)) {
            return false;
        }
        return text.charAt(punctuation) != '.' || !isAbbreviation(text, punctuation);
    }

    private static boolean canStartSentence(String text, int at, int paragraphEnd) {
        char c = text.charAt(at);
        if (Character.isUpperCase(c) || Character.isDigit(c)) {
            return true;
        }
        // an opening quote or bracket followed by a capital: “We reject ...
        return "\"'“‘([".indexOf(c) >= 0 && at + 1 < paragraphEnd && Character.isUpperCase(text.charAt(at + 1));
    }

    private static boolean isAbbreviation(String text, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial
        }
        if (word.indexOf('.') >= 0) {
            return true; // U.S, U.N, e.g
        }
        return ABBREVIATIONS.contains(word);
    }

    private static void add(String text, int start, int end, List<TextSpan> sentences) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new TextSpan(start, end));
        }
    }
}
