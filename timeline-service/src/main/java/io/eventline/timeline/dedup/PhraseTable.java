package io.eventline.timeline.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A hand-written table of labels and the phrases that signal them ({@code label = phrase, phrase,
 * ...}, one label per line, {@code #} comments), and the engine that finds the labels a report states:
 * the event concepts ({@link EventConcepts}) and the countries ({@link Countries}) are two such tables.
 *
 * <p>A phrase is a word form or a sequence of them, matched on the words of the text (abbreviation
 * dots removed): "word*" matches the word with any ending, "*" alone any one word ("pull* * out"
 * matches "pulled the US out"). A word written in lower case matches in any case; a word with a
 * capital matches only as written, so "US" is the country and not the pronoun "us". A phrase inside a
 * longer one found at the same place is not counted: "suspended travel" is a travel ban, not also a
 * pause.
 *
 * <p>Only what the report tells counts, not what it is dated or explained by: a phrase inside a
 * background clause, from one of {@link #BACKGROUND_OPENERS} to the next comma or the end of the
 * sentence, is left out. "The NBA suspended its season after Gobert tested positive" is a suspension,
 * not a positive test; "Hours after his inauguration, the president ordered the US out of the Paris
 * accord" is a withdrawal, not an inauguration; "The 10% tax on Chinese imports went into force, a
 * day after Trump paused similar tariffs on Mexico and Canada" is about China. No phrase spans the end
 * of a clause.
 */
final class PhraseTable {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}0-9*]+");
    /** Where a clause ends: a background clause runs to the next of these. */
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:()!?\u2014\u2013]|\\.(?=\\s|$)| - ");
    /**
     * The words that open a clause telling another happening than the report's own: its time or cause.
     * Not "since": "Since Russia invaded Ukraine in February 2022, ..." is dated by that clause, so it
     * tells the report's happening.
     */
    static final Set<String> BACKGROUND_OPENERS = Set.of("after", "before", "following", "because");

    /**
     * One phrase: a sequence of word patterns ("pull*", "*", "out"), each read once into what it
     * compares (matching runs for every word of every report).
     */
    private static final class Phrase {
        private final String label;
        private final int length;
        /** Null for "*"; else the word, or the prefix of a word with a wildcard ending. */
        private final String[] text;
        private final boolean[] prefix;
        private final boolean[] caseSensitive;

        Phrase(String label, String[] words) {
            this.label = label;
            this.length = words.length;
            this.text = new String[words.length];
            this.prefix = new boolean[words.length];
            this.caseSensitive = new boolean[words.length];
            for (int i = 0; i < words.length; i++) {
                String pattern = words[i];
                caseSensitive[i] = PhraseTable.caseSensitive(pattern);
                prefix[i] = pattern.endsWith("*");
                text[i] = pattern.equals("*") ? null : prefix[i] ? pattern.substring(0, pattern.length() - 1) : pattern;
            }
        }

        String label() {
            return label;
        }

        int length() {
            return length;
        }

        boolean matchesAt(Words words, int start) {
            if (start + length > words.size()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (!matches(i, words, start + i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean matches(int i, Words words, int index) {
            if (text[i] == null) {
                return true;
            }
            String token = caseSensitive[i] ? words.asWritten[index] : words.lower[index];
            return prefix[i] ? token.startsWith(text[i]) : text[i].equals(token);
        }
    }

    /**
     * The clauses of a text, as the words the tables match: read once per report and given to every
     * table (concepts, countries, targets), since the reading is most of what a lookup costs.
     */
    static final class Clauses {
        private final List<Words> clauses;

        private Clauses(List<Words> clauses) {
            this.clauses = clauses;
        }

        static Clauses of(String text) {
            List<Words> clauses = new ArrayList<>();
            for (String clause : CLAUSE_END.split(ContentWords.undotAbbreviations(text))) {
                clauses.add(Words.of(clause));
            }
            return new Clauses(clauses);
        }
    }

    /** The words of one clause, as written and in lower case. */
    private record Words(String[] asWritten, String[] lower) {

        static Words of(String clause) {
            String stripped = NON_WORD.matcher(clause.replace('*', ' ')).replaceAll(" ").trim();
            String[] asWritten = stripped.isEmpty() ? new String[0] : stripped.split(" ");
            String[] lower = new String[asWritten.length];
            for (int i = 0; i < asWritten.length; i++) {
                lower[i] = asWritten[i].toLowerCase(Locale.ROOT);
            }
            return new Words(asWritten, lower);
        }

        int size() {
            return lower.length;
        }

        /** The index of the first background word, or the size if there is none. */
        int backgroundStart() {
            for (int i = 0; i < lower.length; i++) {
                if (BACKGROUND_OPENERS.contains(lower[i])) {
                    return i;
                }
            }
            return lower.length;
        }
    }

    /** A phrase found in a clause, over words {@code start} (inclusive) to {@code end} (exclusive). */
    private record Match(String label, int start, int end) {

        boolean within(Match other) {
            return other.start <= start && end <= other.end && other.end - other.start > end - start;
        }
    }

    private final String resource;
    /** The phrases by their first word, when it is a plain lower-case word form: most of a table. */
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    /** The phrases by their first word as written, when it has a capital ("US"). */
    private final Map<String, List<Phrase>> byFirstWordAsWritten = new HashMap<>();
    /** The phrases whose first word has a wildcard ending ("designat*") or is "*". */
    private final List<Phrase> scanned = new ArrayList<>();

    private PhraseTable(String resource, List<Phrase> phrases) {
        this.resource = resource;
        for (Phrase phrase : phrases) {
            String first = phrase.text[0];
            if (first == null || phrase.prefix[0]) {
                scanned.add(phrase);
            } else if (phrase.caseSensitive[0]) {
                byFirstWordAsWritten.computeIfAbsent(first, w -> new ArrayList<>()).add(phrase);
            } else {
                byFirstWord.computeIfAbsent(first, w -> new ArrayList<>()).add(phrase);
            }
        }
    }

    String resource() {
        return resource;
    }

    /** The labels whose phrases occur in {@code text} outside background clauses. */
    Set<String> labelsIn(Clauses text) {
        Set<String> labels = new TreeSet<>();
        for (Words clause : text.clauses) {
            foreground(clause).forEach(match -> labels.add(match.label()));
        }
        return labels;
    }

    /**
     * For each label found outside background clauses, the words (as written) that follow its first
     * phrase, to the end of that clause or the start of its background: where the target of a
     * happening stands ("withdraw from <the Paris climate agreement>").
     */
    Map<String, List<String>> wordsAfter(Clauses text) {
        Map<String, List<String>> after = new HashMap<>();
        for (Words words : text.clauses) {
            int background = words.backgroundStart();
            for (Match match : foreground(words)) {
                after.putIfAbsent(match.label(), List.of(words.asWritten).subList(Math.min(match.end(), background), background));
            }
        }
        return after;
    }

    /** The phrases found before the clause's background, in order, less those inside a longer one. */
    private List<Match> foreground(Words words) {
        int background = words.backgroundStart();
        List<Match> matches = new ArrayList<>();
        for (int start = 0; start < background; start++) {
            // the order of the phrases found at one place does not matter: the shorter are dropped below
            addMatches(byFirstWord.getOrDefault(words.lower[start], List.of()), words, start, matches);
            addMatches(byFirstWordAsWritten.getOrDefault(words.asWritten[start], List.of()), words, start, matches);
            addMatches(scanned, words, start, matches);
        }
        return matches.stream().filter(match -> matches.stream().noneMatch(match::within)).toList();
    }

    private static void addMatches(List<Phrase> phrases, Words words, int start, List<Match> matches) {
        for (Phrase phrase : phrases) {
            if (phrase.matchesAt(words, start)) {
                matches.add(new Match(phrase.label(), start, start + phrase.length()));
            }
        }
    }

    private static boolean caseSensitive(String word) {
        return !word.equals(word.toLowerCase(Locale.ROOT));
    }

    /** The table in {@code resource}, next to this class. */
    static PhraseTable load(String resource) {
        List<Phrase> phrases = new ArrayList<>();
        List<String> lines = resourceLines(resource);
        for (int number = 1; number <= lines.size(); number++) {
            String rule = lines.get(number - 1).strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            int equals = rule.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException(resource + ":" + number + ": expected 'label = phrase, ...'");
            }
            String label = rule.substring(0, equals).strip();
            for (String phrase : rule.substring(equals + 1).split(",")) {
                String words = NON_WORD.matcher(ContentWords.undotAbbreviations(phrase.strip())).replaceAll(" ").trim();
                if (words.isEmpty()) {
                    throw new IllegalStateException(resource + ":" + number + ": empty phrase");
                }
                phrases.add(new Phrase(label, words.split(" ")));
            }
        }
        return new PhraseTable(resource, List.copyOf(phrases));
    }

    /** Every line of {@code resource}, next to this class; line {@code i} of the list is line {@code i + 1} of the file. */
    static List<String> resourceLines(String resource) {
        try (InputStream in = PhraseTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
