package io.eventline.ingest.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the dated events of a text from the temporal expressions a tagger found in it.
 *
 * <ul>
 *   <li>Only a DATE or TIME whose value is a calendar value ({@link EventDate#fromValue}) dates an
 *       event. Durations, sets, fuzzy references ({@code PAST_REF}) and values that cannot be placed
 *       ({@code XXXX-WXX-1}) do not, and no date is invented for a sentence without one. A date
 *       alone on its line (the byline date) dates nothing.</li>
 *   <li>Two dates that form a range ("from April to November 1914", "between 1915 and 1934",
 *       "1914-1918") date one event with an interval.</li>
 *   <li>A sentence with several dates is split into clauses at {@code ;} and at ", and" / ", while"
 *       / ", but" / ", whereas", so each dated fact is its own event; a part without a date stays
 *       with the clause before it. A clause whose dates cannot be separated gives one event per
 *       date, with a lower confidence.</li>
 *   <li>The event text is the clause, cleaned of attribution that does not carry the date
 *       ("According to US authorities, ...", "..., officials said.", "NBC News reported that ...")
 *       and of markdown emphasis, whitespace collapsed, capitalized and ended with a full stop.</li>
 *   <li>Entities are those the {@link EntityRecognizer} finds in the clause (read once per text,
 *       so a surname mentioned in full elsewhere is known).</li>
 *   <li>Confidence = rule confidence x date specificity x clause cleanliness; see {@link #confidence}.</li>
 * </ul>
 */
public final class EventBuilder {

    /** A calendar date in a TIME value: "2025-02-19T10:00" is dated 2025-02-19. */
    private static final Pattern TIME_OF_DAY = Pattern.compile("T.*$");
    private static final Pattern FROM_BEFORE = Pattern.compile("(?i)\\bfrom\\s+$");
    private static final Pattern BETWEEN_BEFORE = Pattern.compile("(?i)\\bbetween\\s+$");
    private static final Pattern FROM_TO_JOINER = Pattern.compile("\\s*(?:to|until|till|through|thru|-{1,2})\\s*");
    private static final Pattern BETWEEN_JOINER = Pattern.compile("\\s+and\\s+");
    private static final Pattern DASH_JOINER = Pattern.compile("\\s?-{1,2}\\s?");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(";\\s*|,\\s+(?:and|while|but|whereas|whilst)\\s+");

    private static final Pattern LEADING_ACCORDING = Pattern.compile("^According to [^,;\"]{1,80}?,\\s+");
    /**
     * Attribution that only says who reports the fact. Verbs that change what is reported stay
     * ("claimed", "denied", "announced" is an act of its own).
     */
    private static final Pattern LEADING_REPORTED = Pattern.compile(
            "^(?:[A-Z][\\w.'-]*)(?: [\\w.'-]+){0,7}? (?:said|says|reported|reports|confirmed|told [\\w.' -]{1,40}?)"
                    + "(?: on \\w+day| \\w+day)? that\\s+");
    /** The verbs of {@link #TRAILING_ATTRIBUTION}; "told" last, the one followed by whom. */
    private static final List<String> REPORTING_VERBS = List.of(
            "said", "says", "reported", "reports", "added", "noted", "stated", "announced", "wrote", "told");
    private static final Pattern TRAILING_ATTRIBUTION = Pattern.compile(
            ",(?<quote>[\"']?)\\s+(?:according to [^\"\\n]{1,80}?|(?:[\\w.'-]+ ){0,5}?[\\w.'-]+ (?:"
                    + String.join("|", REPORTING_VERBS) + " [\\w.' -]{1,40}?)(?: on \\w+day| \\w+day)?)"
                    + "(?<end>[.!?]?)\\s*$");
    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*\\n]+)\\*");
    /** The specification of {@link #collapseWhitespace} (and of the words of {@link #wordCount}). */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,;:]+$");
    /** The specification of {@link #isTerminated}, which is several times faster. */
    static final Pattern TERMINATED = Pattern.compile(".*[.!?][\"')\\]]*$", Pattern.DOTALL);
    private static final int LONG_CLAUSE_WORDS = 60;
    /**
     * No news clause is this long (some 250 words; a long news sentence has 60); past it the
     * "clause" is text without sentence punctuation (a table, a list, an article body with no
     * full stop, a hostile input), so each date gets a window of text around it instead, its text
     * marked as cut with an ellipsis and its sentence offsets those of the window: a reader and the
     * timeline's deduplication get the words around the date, not up to a megabyte of text for
     * every date in it. Without this bound, n dates in one such run would also each copy and scan
     * all of it: quadratic.
     */
    static final int LONGEST_CLAUSE = 1_500;
    /** Characters of a window on each side of its date: some 50 words, a long sentence's worth. */
    static final int WINDOW_AROUND_DATE = 300;
    static final String ELLIPSIS = "…";
    /**
     * At most this many events per article: a long news article dates a few hundred facts; past
     * this the input is a table of dates or hostile, and building more would only let one request
     * hold a worker for seconds. The first ones in text order are kept.
     */
    public static final int MOST_EVENTS = 2_000;
    private static final int LONGEST_WORD = 40;
    private static final Pattern WEEKDAY = Pattern.compile("(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day");

    private final EntityRecognizer entities;
    private final ToDoubleFunction<String> ruleConfidence;

    /**
     * @param entities       finds the named entities of an event
     * @param ruleConfidence how often a tagger rule's value is right, by rule name, 0..1
     */
    public EventBuilder(EntityRecognizer entities, ToDoubleFunction<String> ruleConfidence) {
        this.entities = Objects.requireNonNull(entities, "entities");
        this.ruleConfidence = Objects.requireNonNull(ruleConfidence, "ruleConfidence");
    }

    /** A date expression placed on the calendar. */
    private record Anchor(TemporalExpression expression, EventDate date, double ruleConfidence) {

        int start() {
            return expression.start();
        }
    }

    /** A clause, or a window cut out of a longer one ({@code cutBefore}, {@code cutAfter}: text left out there). */
    private record Clause(int start, int end, List<Anchor> anchors, boolean cutBefore, boolean cutAfter) {

        Clause(int start, int end, List<Anchor> anchors) {
            this(start, end, anchors, false, false);
        }

        boolean cut() {
            return cutBefore || cutAfter;
        }
    }

    /** An event text after cleaning, and whether attribution that carries the date had to stay. */
    private record CleanText(String text, boolean attributionKept) {
    }

    /**
     * @param text            the normalized text the expressions were found in
     * @param publicationDate the publication date (expressions are already resolved against it)
     * @param expressions     the tagger's expressions, offsets into {@code text}
     * @return the dated events in text order
     */
    public List<DatedEvent> build(String text, LocalDate publicationDate, List<TemporalExpression> expressions) {
        return build(text, publicationDate, expressions, null);
    }

    /**
     * {@link #build(String, LocalDate, List)} for a caller that has split the text into sentences
     * already ({@code Sentences.spans(text)}; null to let it split).
     */
    public List<DatedEvent> build(String text, LocalDate publicationDate, List<TemporalExpression> expressions,
                                  List<TextSpan> sentences) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publicationDate, "publicationDate");
        List<Anchor> anchors = anchors(text, expressions);
        if (anchors.isEmpty()) {
            return List.of();
        }
        if (anchors.size() > MOST_EVENTS) {
            anchors = anchors.subList(0, MOST_EVENTS);
        }
        if (sentences == null) {
            sentences = Sentences.spans(text);
        }
        List<EntityRecognizer.Mention> mentions = entities.mentions(text, sentences);
        List<DatedEvent> events = new ArrayList<>();
        int next = 0; // anchors and sentences are both in text order: one sweep
        for (TextSpan sentence : sentences) {
            while (next < anchors.size() && anchors.get(next).start() < sentence.start()) {
                next++;
            }
            List<Anchor> inSentence = new ArrayList<>();
            for (int i = next; i < anchors.size() && anchors.get(i).start() < sentence.end(); i++) {
                if (anchors.get(i).expression().end() <= sentence.end()) {
                    inSentence.add(anchors.get(i));
                }
            }
            if (inSentence.isEmpty()) {
                continue;
            }
            for (Clause clause : boundedClauses(text, clauses(text, sentence, intervals(text, sentence, inSentence)))) {
                for (Anchor anchor : clause.anchors()) {
                    CleanText clean = clean(text, clause, anchor);
                    if (clean.text().isBlank()) {
                        continue;
                    }
                    double cleanliness = (clause.anchors().size() > 1 ? 0.85 : 1.0)
                            * (clean.attributionKept() ? 0.9 : 1.0)
                            * (wordCount(clean.text()) > LONG_CLAUSE_WORDS ? 0.9 : 1.0);
                    TextSpan source = trimmed(text, clause);
                    // a window's text is all that is sent of its "sentence": the offsets say where it is
                    events.add(new DatedEvent(anchor.date(), clean.text(), anchor.expression(),
                            clause.cut() ? source : sentence, entitiesOf(mentions, clause, clean.text()),
                            confidence(anchor, cleanliness), source));
                }
            }
        }
        return events;
    }

    /**
     * How sure the event is of its date: the tagger rule's confidence (how often that rule's value
     * is right), times the date's specificity (a day or month names a moment, a decade or century
     * only an era: 1.0 day, 0.95 week/month, 0.9 quarter/season/year/interval, 0.8 decade, 0.7
     * century), times the clause's cleanliness (0.85 when the clause holds several dates that cannot
     * be told apart, 0.9 when the date sits in attribution and may date the report rather than the
     * fact, 0.9 for a clause longer than 60 words). Rounded to three decimals.
     */
    static double confidence(Anchor anchor, double cleanliness) {
        double specificity = switch (anchor.date().granularity()) {
            case DAY -> 1.0;
            case WEEK, MONTH -> 0.95;
            case QUARTER, SEASON, YEAR, INTERVAL -> 0.9;
            case DECADE -> 0.8;
            case CENTURY -> 0.7;
        };
        double confidence = anchor.ruleConfidence() * specificity * cleanliness;
        return Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    }

    /** The clauses, with each one longer than {@link #LONGEST_CLAUSE} split into a window per date. */
    private static List<Clause> boundedClauses(String text, List<Clause> clauses) {
        List<Clause> bounded = new ArrayList<>(clauses.size());
        for (Clause clause : clauses) {
            if (clause.end() - clause.start() <= LONGEST_CLAUSE) {
                bounded.add(clause);
                continue;
            }
            for (Anchor anchor : clause.anchors()) {
                int start = Math.max(clause.start(), anchor.start() - WINDOW_AROUND_DATE);
                int end = Math.min(clause.end(), anchor.expression().end() + WINDOW_AROUND_DATE);
                // widen to whole words, within the clause (and not through a run without spaces)
                int floor = Math.max(clause.start(), start - LONGEST_WORD);
                while (start > floor && !Character.isWhitespace(text.charAt(start - 1))) {
                    start--;
                }
                int ceiling = Math.min(clause.end(), end + LONGEST_WORD);
                while (end < ceiling && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                bounded.add(new Clause(start, end, List.of(anchor), start > clause.start(), end < clause.end()));
            }
        }
        return bounded;
    }

    // --- anchors ---------------------------------------------------------------------------------

    /**
     * The expressions that date something, in text order. Only the first {@link #MOST_EVENTS} are
     * used, so when the expressions come in text order (as from a tagger) the rest are not looked at.
     */
    private List<Anchor> anchors(String text, List<TemporalExpression> expressions) {
        boolean inTextOrder = true;
        for (int i = 0; i < expressions.size(); i++) {
            TemporalExpression expression = expressions.get(i);
            if (expression.end() > text.length()) {
                throw new IllegalArgumentException("expression beyond the text: " + expression);
            }
            inTextOrder &= i == 0 || expressions.get(i - 1).start() <= expression.start();
        }
        List<Anchor> anchors = new ArrayList<>();
        for (TemporalExpression expression : expressions) {
            if (inTextOrder && anchors.size() == MOST_EVENTS) {
                break; // the sort below is stable: these are the first ones in text order
            }
            calendarDate(expression)
                    .filter(date -> !isDateLine(text, expression))
                    .ifPresent(date -> anchors.add(new Anchor(expression, date,
                            clamp(ruleConfidence.applyAsDouble(expression.rule())))));
        }
        anchors.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return anchors;
    }

    /** A dateline is short; longer lines are text, and are not scanned character by character. */
    private static final int LONGEST_DATE_LINE = 120;

    /** True if the expression's line holds nothing else but punctuation or a weekday: a dateline. */
    static boolean isDateLine(String text, TemporalExpression expression) {
        // look for the line's ends only as far as a dateline can reach: a text without line breaks
        // must not be scanned whole for each of its dates
        int lineStart = expression.start();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            if (expression.start() - --lineStart > LONGEST_DATE_LINE) {
                return false;
            }
        }
        int lineEnd = expression.end();
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n') {
            if (++lineEnd - lineStart > LONGEST_DATE_LINE) {
                return false;
            }
        }
        String rest = text.substring(lineStart, expression.start()) + " " + text.substring(expression.end(), lineEnd);
        // a loop, not one regex over the line: a repeated alternation recurses once per character
        // most lines name no weekday: then the expression would leave them as they are
        String withoutWeekdays = rest.contains("day") ? WEEKDAY.matcher(rest).replaceAll(" ") : rest;
        for (int i = 0; i < withoutWeekdays.length(); i++) {
            char c = withoutWeekdays.charAt(i);
            if (!Character.isWhitespace(c) && !isPunctuation(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPunctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The calendar date of a DATE or TIME, if its value places it on the calendar. */
    static Optional<EventDate> calendarDate(TemporalExpression expression) {
        if (expression.type() != TemporalType.DATE && expression.type() != TemporalType.TIME) {
            return Optional.empty();
        }
        String value = TIME_OF_DAY.matcher(expression.value()).replaceFirst("");
        if (value.isEmpty() || value.contains("X") || value.endsWith("_REF")) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventDate.fromValue(value));
        } catch (IllegalArgumentException notACalendarValue) {
            return Optional.empty();
        }
    }

    /** Joins two dates that form a range into one interval anchor. */
    private static List<Anchor> intervals(String text, TextSpan sentence, List<Anchor> anchors) {
        List<Anchor> joined = new ArrayList<>();
        for (int i = 0; i < anchors.size(); i++) {
            Anchor from = anchors.get(i);
            if (i + 1 < anchors.size()) {
                Anchor to = anchors.get(i + 1);
                Optional<Anchor> interval = interval(text, sentence, from, to);
                if (interval.isPresent()) {
                    joined.add(interval.get());
                    i++;
                    continue;
                }
            }
            joined.add(from);
        }
        return joined;
    }

    private static Optional<Anchor> interval(String text, TextSpan sentence, Anchor from, Anchor to) {
        if (from.date().granularity() == Granularity.INTERVAL || to.date().granularity() == Granularity.INTERVAL
                || to.start() < from.expression().end()) {
            return Optional.empty();
        }
        String between = text.substring(from.expression().end(), to.start());
        String before = text.substring(Math.max(sentence.start(), from.start() - 10), from.start());
        boolean range = FROM_BEFORE.matcher(before).find() && FROM_TO_JOINER.matcher(between).matches()
                || BETWEEN_BEFORE.matcher(before).find() && BETWEEN_JOINER.matcher(between).matches()
                || DASH_JOINER.matcher(between).matches();
        if (!range || to.date().end().isBefore(from.date().start())) {
            return Optional.empty();
        }
        String value = from.expression().value() + "/" + to.expression().value();
        EventDate date = new EventDate(value, Granularity.INTERVAL, from.date().start(), to.date().end());
        TemporalExpression expression = new TemporalExpression(from.start(), to.expression().end(),
                text.substring(from.start(), to.expression().end()), TemporalType.DATE, value,
                "interval(" + from.expression().rule() + "," + to.expression().rule() + ")");
        return Optional.of(new Anchor(expression, date, Math.min(from.ruleConfidence(), to.ruleConfidence())));
    }

    // --- clauses -----------------------------------------------------------------------------------

    /**
     * The clauses of a sentence, each with its dates. A sentence with one date is one clause; with
     * several, it is cut at the clause breaks and every part without a date joins the one before.
     */
    private static List<Clause> clauses(String text, TextSpan sentence, List<Anchor> anchors) {
        if (anchors.size() == 1) {
            return List.of(new Clause(sentence.start(), sentence.end(), anchors));
        }
        List<int[]> parts = new ArrayList<>();
        int partStart = sentence.start();
        Matcher breaks = CLAUSE_BREAK.matcher(text).region(sentence.start(), sentence.end());
        while (breaks.find()) {
            if (anchors.stream().anyMatch(a -> a.start() < breaks.end() && a.expression().end() > breaks.start())) {
                continue; // never cut through a date
            }
            parts.add(new int[] {partStart, breaks.start(), breaks.end()});
            partStart = breaks.end();
        }
        parts.add(new int[] {partStart, sentence.end(), sentence.end()});
        List<Clause> clauses = new ArrayList<>();
        int pendingStart = -1;
        for (int[] part : parts) {
            int start = pendingStart >= 0 ? pendingStart : part[0];
            List<Anchor> inPart = anchors.stream().filter(a -> a.start() >= part[0] && a.start() < part[2]).toList();
            if (inPart.isEmpty()) {
                if (clauses.isEmpty()) {
                    pendingStart = start; // a leading part without a date joins the next
                } else {
                    Clause last = clauses.remove(clauses.size() - 1);
                    clauses.add(new Clause(last.start(), part[1], last.anchors()));
                }
                continue;
            }
            pendingStart = -1;
            clauses.add(new Clause(start, part[1], inPart));
        }
        return clauses;
    }

    // --- event text --------------------------------------------------------------------------------

    private static CleanText clean(String text, Clause clause, Anchor anchor) {
        String clauseText = text.substring(clause.start(), clause.end());
        int anchorStart = anchor.start() - clause.start();
        int anchorEnd = anchor.expression().end() - clause.start();
        boolean attributionKept = false;

        Matcher according = LEADING_ACCORDING.matcher(clauseText);
        Matcher reported = LEADING_REPORTED.matcher(clauseText);
        // both patterns start with ^: lookingAt finds what find finds, without trying every position
        Matcher leading = according.lookingAt() ? according : reported.lookingAt() ? reported : null;
        if (leading != null) {
            if (anchorStart >= leading.end() && wordCount(clauseText.substring(leading.end())) >= 3) {
                clauseText = clauseText.substring(leading.end());
                anchorStart -= leading.end();
                anchorEnd -= leading.end();
            } else {
                attributionKept = true;
            }
        }
        Matcher trailing = mayEndWithAttribution(clauseText) ? TRAILING_ATTRIBUTION.matcher(clauseText) : null;
        if (trailing != null && trailing.find() && trailing.start() > 0) {
            if (anchorEnd <= trailing.start() && wordCount(clauseText.substring(0, trailing.start())) >= 3) {
                clauseText = clauseText.substring(0, trailing.start()) + trailing.group("end") + trailing.group("quote");
            } else {
                attributionKept = true;
            }
        }
        // the regular expressions below run only where they can change something: they ran for
        // every event, and most of their time went to texts they left as they were
        String readable = clauseText.indexOf('*') < 0 ? clauseText : EMPHASIS.matcher(clauseText).replaceAll("$1");
        readable = collapseWhitespace(readable.strip());
        readable = withoutTrailingSeparators(readable);
        if (readable.isEmpty()) {
            return new CleanText("", attributionKept);
        }
        if (clause.cutAfter()) {
            readable = readable + ELLIPSIS;
        } else if (!isTerminated(readable)) {
            readable = readable + ".";
        }
        if (clause.cutBefore()) {
            readable = ELLIPSIS + readable;
        } else if (Character.isLowerCase(readable.charAt(0))) {
            readable = Character.toUpperCase(readable.charAt(0)) + readable.substring(1);
        }
        return new CleanText(readable, attributionKept);
    }

    /**
     * False where {@link #TRAILING_ATTRIBUTION} cannot match, for it has none of its words: it
     * tries a match at every comma of the clause, and most clauses name no one who said anything.
     */
    private static boolean mayEndWithAttribution(String clause) {
        if (clause.contains("according to ")) {
            return true;
        }
        for (String verb : REPORTING_VERBS) {
            if (clause.contains(verb)) {
                return true;
            }
        }
        return false;
    }

    /** {@code WHITESPACE.matcher(text).replaceAll(" ")}: every run of {@code \s} becomes one space. */
    static String collapseWhitespace(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRegexWhitespace(c) || c == ' ' && (i + 1 == text.length() || !isRegexWhitespace(text.charAt(i + 1)))
                    && (i == 0 || !isRegexWhitespace(text.charAt(i - 1)))) {
                if (out != null) {
                    out.append(c); // a lone space, or no whitespace: as it is
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (i == 0 || !isRegexWhitespace(text.charAt(i - 1))) {
                out.append(' '); // the first character of a run stands for all of it
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * {@code TRAILING_SEPARATORS.matcher(text).replaceFirst("")}, with the expression run only on
     * the text's tail of separators and line ends: its match (a run of separators before the end,
     * or before a line terminator that ends the text, where {@code $} matches too) lies there.
     */
    static String withoutTrailingSeparators(String text) {
        int tail = text.length();
        while (tail > 0 && isSeparatorOrLineEnd(text.charAt(tail - 1))) {
            tail--;
        }
        if (tail == text.length()) {
            return text;
        }
        return text.substring(0, tail) + TRAILING_SEPARATORS.matcher(text.substring(tail)).replaceFirst("");
    }

    /** A character of {@code [\s,;:]}, or a line terminator of {@code $}: \n \r U+0085 U+2028 U+2029. */
    private static boolean isSeparatorOrLineEnd(char c) {
        return isRegexWhitespace(c) || c == ',' || c == ';' || c == ':' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * {@code TERMINATED.matcher(text).matches()}: the text ends with {@code . ! ?} and then only
     * closing quotes and brackets. The characters after the last one that is not such a closer
     * are all closers, so that one must be the full stop.
     */
    static boolean isTerminated(String text) {
        int end = text.length();
        while (end > 0 && "\"')]".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && ".!?".indexOf(text.charAt(end - 1)) >= 0;
    }

    private static List<EventEntity> entitiesOf(List<EntityRecognizer.Mention> mentions, Clause clause, String eventText) {
        Map<String, EventEntity> distinct = new LinkedHashMap<>();
        for (int i = firstMentionFrom(mentions, clause.start()); i < mentions.size(); i++) {
            EntityRecognizer.Mention mention = mentions.get(i);
            if (mention.start() >= clause.end()) {
                break;
            }
            if (mention.end() <= clause.end() && eventText.contains(mention.entity().text())) {
                distinct.putIfAbsent(mention.entity().text(), mention.entity());
            }
        }
        return List.copyOf(distinct.values());
    }

    /** Index of the first mention (mentions are in text order) starting at or after {@code offset}. */
    private static int firstMentionFrom(List<EntityRecognizer.Mention> mentions, int offset) {
        int low = 0;
        int high = mentions.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (mentions.get(middle).start() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The clause's span without surrounding whitespace. */
    private static TextSpan trimmed(String text, Clause clause) {
        int start = clause.start();
        int end = clause.end();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new TextSpan(start, end);
    }

    /**
     * The number of words: the parts of {@code text.strip()} split at {@link #WHITESPACE}, counted
     * without splitting (the stripped text neither starts nor ends with such whitespace, so it has
     * one part more than inner runs of it).
     */
    private static int wordCount(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return 0;
        }
        int words = 1;
        for (int i = start + 1; i < end; i++) {
            if (isRegexWhitespace(text.charAt(i)) && !isRegexWhitespace(text.charAt(i - 1))) {
                words++;
            }
        }
        return words;
    }

    /** {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexWhitespace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }
}
