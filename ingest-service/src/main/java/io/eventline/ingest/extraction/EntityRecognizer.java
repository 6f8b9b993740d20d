package io.eventline.ingest.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the people, organizations and places a text names, with rules kept as data in
 * {@code /entities/*.txt} (see the README there): gazetteers of places, organizations and
 * well-known people, person titles, organization and "other" head words, demonyms, and words that
 * are never entities.
 *
 * <p>It works on runs of capitalized words (joined by "of", "de" ...). In a run, a gazetteer entry
 * (longest first) is its kind; a title makes the name after it a person ("President Claudia
 * Sheinbaum"); an unknown name is an organization if it ends in an organization head ("Stryker
 * Brigade", "Mexican Army"), something else if it ends in an "other" head ("Monroe Doctrine"), a
 * person if it is two to four capitalized words ("Colby Jenkins"), and otherwise {@code OTHER}.
 * A lone capitalized word at the start of a sentence is only an entity if the document names it
 * elsewhere: the text is read twice, the first pass collecting names (and the surnames of full
 * names) so that "Jenkins" after "Colby Jenkins" is a person too.
 */
public final class EntityRecognizer {

    /** An entity named at {@code [start, end)} of the text. */
    public record Mention(int start, int end, EventEntity entity) {

        public TextSpan span() {
            return new TextSpan(start, end);
        }
    }

    private static final String RESOURCES = "/entities/";
    /**
     * U.S., J.D., then words with inner hyphens or apostrophes, straight or curly (MQ-9, O'Brien,
     * Trump's). {@link #tokenEnd} is this pattern written out, which is several times faster; the
     * pattern stays as its specification (and for the test that compares them).
     */
    static final Pattern TOKEN = Pattern.compile(
            "(?:\\p{Lu}\\.){2,}|[\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}]*(?:[-'\u2019][\\p{L}\\p{M}\\p{Nd}]+)*['\u2019]?");
    /** Lower-case words after a single name that show it is a person's: "the Trump administration". */
    private static final Set<String> PERSON_GOVERNMENT_WORDS = Set.of("administration", "government", "presidency",
            "campaign", "cabinet");

    private final Gazetteer entries;
    private final Gazetteer titles;
    private final Set<String> organizationHeads;
    private final Set<String> otherHeads;
    private final Set<String> demonyms;
    private final Set<String> notEntities;
    private final Set<String> connectors;
    /** Words that keep their full stop as part of the token ("Gen.", "Inc."). */
    private final Set<String> dottedWords;
    /** {@link #dottedWords} without their full stop. */
    private final Set<String> dottedStems = new HashSet<>();

    private EntityRecognizer(Gazetteer entries, Gazetteer titles, Set<String> organizationHeads, Set<String> otherHeads,
                             Set<String> demonyms, Set<String> notEntities, Set<String> connectors) {
        this.entries = entries;
        this.titles = titles;
        this.organizationHeads = organizationHeads;
        this.otherHeads = otherHeads;
        this.demonyms = demonyms;
        this.notEntities = notEntities;
        this.connectors = connectors;
        this.dottedWords = new HashSet<>();
        for (Set<String> words : List.of(entries.words(), titles.words(), organizationHeads)) {
            words.stream().filter(w -> w.endsWith(".")).forEach(dottedWords::add);
        }
        for (String word : dottedWords) {
            dottedStems.add(word.substring(0, word.length() - 1));
        }
    }

    /** The English rules shipped in {@code /entities/}. */
    public static EntityRecognizer english() {
        Gazetteer entries = new Gazetteer();
        entries.addAll(lines("places.txt"), EventEntity.Kind.PLACE);
        entries.addAll(lines("organizations.txt"), EventEntity.Kind.ORGANIZATION);
        entries.addAll(lines("people.txt"), EventEntity.Kind.PERSON);
        Gazetteer titles = new Gazetteer();
        titles.addAll(lines("person-titles.txt"), EventEntity.Kind.PERSON);
        return new EntityRecognizer(entries, titles, Set.copyOf(lines("organization-heads.txt")),
                Set.copyOf(lines("other-heads.txt")), Set.copyOf(lines("demonyms.txt")),
                Set.copyOf(lines("not-entities.txt")), Set.copyOf(lines("name-connectors.txt")));
    }

    /** Every entity mention of {@code text}, in text order, without overlaps. */
    public List<Mention> mentions(String text) {
        Objects.requireNonNull(text, "text");
        return mentions(text, Sentences.spans(text));
    }

    /**
     * {@link #mentions(String)} for a caller that has split the text into sentences already
     * ({@link Sentences#spans}): the text is split once, and tokenized once for both readings.
     */
    public List<Mention> mentions(String text, List<TextSpan> sentences) {
        Objects.requireNonNull(text, "text");
        BitSet sentenceStarts = new BitSet(text.length() + 1);
        for (TextSpan sentence : sentences) {
            sentenceStarts.set(sentence.start());
        }
        List<Token> tokens = tokens(text, sentenceStarts);
        List<Mention> first = scan(text, tokens, Map.of());
        Map<String, EventEntity.Kind> known = new HashMap<>();
        for (Mention mention : first) {
            if (mention.entity().kind() == EventEntity.Kind.OTHER) {
                continue;
            }
            known.putIfAbsent(mention.entity().text(), mention.entity().kind());
            String[] words = mention.entity().text().split(" ");
            if (mention.entity().kind() == EventEntity.Kind.PERSON && words.length > 1) {
                known.putIfAbsent(words[words.length - 1], EventEntity.Kind.PERSON);
            }
        }
        return scan(text, tokens, known);
    }

    /** The distinct entities of {@code text}, in order of first mention. */
    public List<EventEntity> entities(String text) {
        Map<String, EventEntity> distinct = new LinkedHashMap<>();
        for (Mention mention : mentions(text)) {
            distinct.putIfAbsent(mention.entity().text(), mention.entity());
        }
        return List.copyOf(distinct.values());
    }

    // --- scanning ------------------------------------------------------------------------------

    /** A word of the text. */
    private record Token(int start, int end, String text, boolean capitalized, boolean sentenceInitial,
                         boolean endsRun) {
    }

    private List<Mention> scan(String text, List<Token> tokens, Map<String, EventEntity.Kind> known) {
        List<Mention> mentions = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        Token previous = null;
        List<Token> pendingConnectors = new ArrayList<>();
        for (Token token : tokens) {
            boolean adjacent = previous != null && onlySpacesBetween(text, previous.end(), token.start())
                    && !previous.endsRun();
            if (token.capitalized()) {
                if (!adjacent && !run.isEmpty()) {
                    flush(text, run, known, mentions);
                    pendingConnectors.clear();
                }
                if (!pendingConnectors.isEmpty() && !run.isEmpty()) {
                    run.addAll(pendingConnectors);
                }
                pendingConnectors.clear();
                run.add(token);
            } else if (adjacent && !run.isEmpty() && connectors.contains(token.text()) && pendingConnectors.isEmpty()) {
                pendingConnectors.add(token);
            } else {
                if (!run.isEmpty()) {
                    flush(text, run, known, mentions, token);
                }
                pendingConnectors.clear();
            }
            previous = token;
        }
        flush(text, run, known, mentions);
        return mentions;
    }

    private List<Token> tokens(String text, BitSet sentenceStarts) {
        List<Token> tokens = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int start = from;
            int end = tokenEnd(text, start);
            if (end < 0) {
                from++;
                continue;
            }
            from = end;
            String word = text.substring(start, end);
            boolean endsRun = false;
            int possessive = word.endsWith("'s") || word.endsWith("\u2019s") ? 2
                    : word.endsWith("'") || word.endsWith("\u2019") ? 1 : 0;
            if (possessive > 0 && word.length() > possessive) {
                word = word.substring(0, word.length() - possessive); // "Trump's", "Marines'"
                end = start + word.length();
                endsRun = true;
            }
            int hyphen = word.indexOf('-');
            if (hyphen > 0 && !entries.words().contains(word)) {
                String head = word.substring(0, hyphen);
                boolean lowerPart = Arrays.stream(word.substring(hyphen + 1).split("-"))
                        .anyMatch(part -> !part.isEmpty() && Character.isLowerCase(part.charAt(0)));
                if (lowerPart || entries.words().contains(head)) {
                    word = head; // "CIA-operated", "US-Israeli"
                    end = start + word.length();
                    endsRun = true;
                }
            }
            if (end < text.length() && text.charAt(end) == '.' && !word.contains(".")
                    && (dottedStems.contains(word) || isInitial(word, text, end))) {
                word = word + ".";
                end++;
            }
            boolean capitalized = Character.isUpperCase(word.charAt(0)) || Character.isTitleCase(word.charAt(0));
            tokens.add(new Token(start, end, word, capitalized, isSentenceInitial(text, start, sentenceStarts), endsRun));
        }
        return tokens;
    }

    /**
     * Where the {@link #TOKEN} match starting at {@code at} ends, or -1 if none starts there: the
     * first alternative if it matches, else the second, each as greedy as the pattern.
     */
    static int tokenEnd(String text, int at) {
        int n = text.length();
        int end = at;
        int initials = 0;
        while (end < n) { // (?:\p{Lu}\.){2,}
            int c = text.codePointAt(end);
            int dot = end + Character.charCount(c);
            if (Character.getType(c) != Character.UPPERCASE_LETTER || dot >= n || text.charAt(dot) != '.') {
                break;
            }
            end = dot + 1;
            initials++;
        }
        if (initials >= 2) {
            return end;
        }
        int first = text.codePointAt(at); // [\p{L}\p{Nd}]
        if (!Character.isLetter(first) && !Character.isDigit(first)) {
            return -1;
        }
        end = wordCharactersEnd(text, at + Character.charCount(first)); // [\p{L}\p{M}\p{Nd}]*
        while (end < n && isInnerSeparator(text.charAt(end))) { // (?:[-'’][\p{L}\p{M}\p{Nd}]+)*
            int partEnd = wordCharactersEnd(text, end + 1);
            if (partEnd == end + 1) {
                break;
            }
            end = partEnd;
        }
        if (end < n && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')) { // ['’]?
            end++;
        }
        return end;
    }

    private static boolean isInnerSeparator(char c) {
        return c == '-' || c == '\'' || c == '\u2019';
    }

    /** The end of the run of letters, marks and decimal digits from {@code from}. */
    private static int wordCharactersEnd(String text, int from) {
        int end = from;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            if (!Character.isLetter(c) && !Character.isDigit(c) && !isMark(c)) {
                break;
            }
            end += Character.charCount(c);
        }
        return end;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isInitial(String word, String text, int dot) {
        return word.length() == 1 && Character.isUpperCase(word.charAt(0))
                && dot + 2 < text.length() && text.charAt(dot + 1) == ' ' && Character.isUpperCase(text.charAt(dot + 2));
    }

    /** First word of a sentence, of a quotation or after a colon, where any word may be capitalized. */
    private static boolean isSentenceInitial(String text, int start, BitSet sentenceStarts) {
        int before = start - 1;
        boolean opener = false;
        while (before >= 0 && "\"'([*\u201C\u2018".indexOf(text.charAt(before)) >= 0) {
            opener = true;
            before--;
        }
        if (sentenceStarts.get(start) || sentenceStarts.get(before + 1) || before < 0) {
            return true;
        }
        if (opener) {
            return Character.isWhitespace(text.charAt(before));
        }
        return Character.isWhitespace(text.charAt(before)) && before > 0 && text.charAt(before - 1) == ':';
    }

    private static boolean onlySpacesBetween(String text, int from, int to) {
        if (to - from != 1) {
            return false;
        }
        return text.charAt(from) == ' ';
    }

    private void flush(String text, List<Token> run, Map<String, EventEntity.Kind> known, List<Mention> mentions) {
        flush(text, run, known, mentions, null);
    }

    /** Turns a run of capitalized words into mentions and empties it. */
    private void flush(String text, List<Token> run, Map<String, EventEntity.Kind> known, List<Mention> mentions,
                       Token next) {
        if (run.isEmpty()) {
            return;
        }
        String following = next != null && onlySpacesBetween(text, run.get(run.size() - 1).end(), next.start())
                ? next.text() : "";
        List<Token> tokens = new ArrayList<>(run);
        run.clear();
        boolean afterTitle = false;
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            Optional<Gazetteer.Match> title = titles.longestAt(tokens, i);
            Optional<Gazetteer.Match> entry = entries.longestAt(tokens, i);
            if (title.isPresent() && (entry.isEmpty() || title.get().end() >= entry.get().end())) {
                // "President Claudia Sheinbaum": a name follows; "the US President": nothing does
                afterTitle = title.get().end() < tokens.size();
                i = title.get().end();
                continue;
            }
            if (demonyms.contains(token.text()) && i + 1 < tokens.size()) {
                Optional<Gazetteer.Match> organization = entries.longestAt(tokens, i + 1);
                if (organization.isPresent() && organization.get().kind() == EventEntity.Kind.ORGANIZATION) {
                    add(text, tokens, i, organization.get().end(), EventEntity.Kind.ORGANIZATION, mentions); // "Mexican Senate"
                    i = organization.get().end();
                    continue;
                }
            }
            if (entry.isPresent() && !afterTitle) {
                int end = entry.get().end();
                EventEntity.Kind kind = entry.get().kind();
                if (kind != EventEntity.Kind.PERSON) {
                    int orgEnd = unknownRunEnd(tokens, end);
                    if (orgEnd > end && organizationHeads.contains(tokens.get(orgEnd - 1).text())) {
                        end = orgEnd; // "Senate Committee", "US Special Forces"
                        kind = EventEntity.Kind.ORGANIZATION;
                    }
                }
                add(text, tokens, i, end, kind, mentions);
                i = end;
                continue;
            }
            if (notEntities.contains(token.text()) || connectors.contains(token.text())) {
                afterTitle = false;
                i++;
                continue;
            }
            int end = afterTitle ? nameEnd(tokens, i) : unknownRunEnd(tokens, i);
            classify(text, tokens, i, end, afterTitle, end == tokens.size() ? following : "", known, mentions);
            afterTitle = false;
            i = end;
        }
    }

    /** Where an unknown name starting at {@code from} ends: before a stop word, a title or a gazetteer entry. */
    private int unknownRunEnd(List<Token> tokens, int from) {
        int end = from;
        while (end < tokens.size()) {
            Token token = tokens.get(end);
            if (end > from && (notEntities.contains(token.text()) || titles.longestAt(tokens, end).isPresent()
                    || entries.longestAt(tokens, end).isPresent())) {
                break;
            }
            end++;
        }
        return end;
    }

    /** A person's name after a title runs to the end of the run or the next stop word. */
    private int nameEnd(List<Token> tokens, int from) {
        int end = from;
        while (end < tokens.size() && (end == from || !notEntities.contains(tokens.get(end).text()))) {
            end++;
        }
        return end;
    }

    private void classify(String text, List<Token> tokens, int from, int to, boolean afterTitle, String following,
                          Map<String, EventEntity.Kind> known, List<Mention> mentions) {
        while (to > from && connectors.contains(tokens.get(to - 1).text())) {
            to--;
        }
        if (to <= from) {
            return;
        }
        if (afterTitle) {
            add(text, tokens, from, to, EventEntity.Kind.PERSON, mentions);
            return;
        }
        String last = tokens.get(to - 1).text();
        String lastTwo = to - from >= 2 ? tokens.get(to - 2).text() + " " + last : last;
        int length = to - from;
        boolean demonym = demonyms.contains(tokens.get(from).text());
        if (length > 1 && (organizationHeads.contains(last) || organizationHeads.contains(lastTwo))) {
            add(text, tokens, from, to, EventEntity.Kind.ORGANIZATION, mentions);
            return;
        }
        if (length > 1 && otherHeads.contains(last)) {
            add(text, tokens, from, to, EventEntity.Kind.OTHER, mentions);
            return;
        }
        if (demonym) {
            if (length > 1) {
                classify(text, tokens, from + 1, to, false, following, known, mentions);
            }
            return;
        }
        String name = text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
        EventEntity.Kind kind = known.get(name);
        if (kind != null) {
            add(text, tokens, from, to, kind, mentions);
            return;
        }
        if (length == 1) {
            Token token = tokens.get(from);
            if (PERSON_GOVERNMENT_WORDS.contains(following)) {
                add(text, tokens, from, to, EventEntity.Kind.PERSON, mentions);
            } else if (!token.sentenceInitial() && !organizationHeads.contains(last) && !otherHeads.contains(last)
                    && token.text().length() > 1) {
                add(text, tokens, from, to, EventEntity.Kind.OTHER, mentions);
            }
            return;
        }
        if (tokens.get(from).sentenceInitial() && !looksLikeName(tokens.get(from + 1))) {
            classify(text, tokens, from + 1, to, false, following, known, mentions);
            return;
        }
        boolean personLike = length <= 4 && tokens.subList(from, to).stream().allMatch(this::looksLikeName);
        add(text, tokens, from, to, personLike ? EventEntity.Kind.PERSON : EventEntity.Kind.OTHER, mentions);
    }

    /** A capitalized word or an initial, not an acronym and not a connector. */
    private boolean looksLikeName(Token token) {
        String word = token.text();
        if (word.length() == 2 && word.endsWith(".") && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return token.capitalized() && word.length() > 1 && !connectors.contains(word)
                && word.chars().skip(1).anyMatch(Character::isLowerCase) && word.chars().noneMatch(Character::isDigit);
    }

    private static void add(String text, List<Token> tokens, int from, int to, EventEntity.Kind kind,
                            List<Mention> mentions) {
        int start = tokens.get(from).start();
        int end = tokens.get(to - 1).end();
        mentions.add(new Mention(start, end, new EventEntity(text.substring(start, end), kind)));
    }

    // --- rules as data -------------------------------------------------------------------------

    /** Multi-word names, matched as token sequences, longest first. */
    private static final class Gazetteer {

        record Match(int end, EventEntity.Kind kind) {
        }

        private final Map<String, List<Map.Entry<String[], EventEntity.Kind>>> byFirstWord = new HashMap<>();
        private final Set<String> words = new HashSet<>();

        void addAll(List<String> names, EventEntity.Kind kind) {
            for (String name : names) {
                String[] parts = name.split(" +");
                words.addAll(Arrays.asList(parts));
                words.add(name);
                byFirstWord.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Map.entry(parts, kind));
            }
        }

        Set<String> words() {
            return words;
        }

        Optional<Match> longestAt(List<Token> tokens, int at) {
            List<Map.Entry<String[], EventEntity.Kind>> candidates = byFirstWord.get(tokens.get(at).text());
            if (candidates == null) {
                return Optional.empty();
            }
            Match best = null;
            for (Map.Entry<String[], EventEntity.Kind> candidate : candidates) {
                String[] parts = candidate.getKey();
                if (at + parts.length > tokens.size() || best != null && at + parts.length <= best.end()) {
                    continue;
                }
                boolean matches = true;
                for (int k = 1; k < parts.length && matches; k++) {
                    matches = tokens.get(at + k).text().equals(parts[k]);
                }
                if (matches) {
                    best = new Match(at + parts.length, candidate.getValue());
                }
            }
            return Optional.ofNullable(best);
        }
    }

    private static List<String> lines(String file) {
        try (InputStream in = EntityRecognizer.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("missing entity rules " + RESOURCES + file);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entity rules " + RESOURCES + file, e);
        }
    }
}
