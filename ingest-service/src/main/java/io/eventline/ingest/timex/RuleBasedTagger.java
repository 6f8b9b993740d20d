package io.eventline.ingest.timex;

import io.eventline.ingest.extraction.Sentences;
import io.eventline.ingest.extraction.TemporalExpression;
import io.eventline.ingest.extraction.TemporalTagger;
import io.eventline.ingest.extraction.TemporalType;
import io.eventline.ingest.extraction.TextSpan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporal tagger: runs the rules of the {@code timex/} resource files over a text, keeps the
 * longest of overlapping matches (then the rule listed first), and anchors under-specified values
 * against the document date or the narrative's last absolute date. Each expression names the rule
 * that produced it. Thread-safe; the compiled rules are shared by all instances.
 */
public final class RuleBasedTagger implements TemporalTagger {

    /** Expressions of one text, with the ranges some of them form. */
    public record Tagged(List<TemporalExpression> expressions, List<TemporalRange> ranges) {
        public Tagged {
            expressions = List.copyOf(expressions);
            ranges = List.copyOf(ranges);
        }
    }

    private static final String RANGE_RULE = "range.from-to";
    private static final Pattern MONTH_WITHOUT_YEAR = Pattern.compile("UNDEF-year-(\\d{2})");
    private static final Pattern ABSOLUTE_MONTH = Pattern.compile("(\\d{4})-(\\d{2})(?:-\\d{2})?");
    private static final int CONTEXT_WINDOW = 48;
    /** How far before its trigger word an expression can start. */
    private static final int WINDOW = 40;

    private final RuleSet rules;
    private final java.util.Map<String, Double> confidenceByRule;
    private final Pattern rangeStart;
    private final Pattern rangeConnector;
    /** By rule order: where a match of the rule can start, or null to try everywhere. */
    private final MatchFilter[] startFilters;
    /** By rule order: where its {@code before} and {@code before-not} contexts can end, or null. */
    private final MatchFilter[] beforeFilters;
    private final MatchFilter[] beforeNotFilters;
    /** By rule order: where its {@code after} and {@code after-not} contexts can start, or null. */
    private final MatchFilter[] afterFilters;
    private final MatchFilter[] afterNotFilters;
    /** The trigger words of all rules; by rule order, the number of its trigger list. */
    private final TokenIndex.Vocabulary vocabulary;
    private final int[] triggerList;

    public RuleBasedTagger() {
        this(RuleSet.shared());
    }

    RuleBasedTagger(RuleSet rules) {
        this.rules = rules;
        this.confidenceByRule = rules.rules().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(TimexRule::name, TimexRule::confidence));
        this.rangeStart = Pattern.compile("(?:" + rules.pattern("reRangeStart") + ")\\s+$");
        this.rangeConnector = Pattern.compile("\\s*(?:" + rules.pattern("reRangeConnector") + ")\\s*");
        this.startFilters = new MatchFilter[rules.rules().size()];
        this.beforeFilters = new MatchFilter[rules.rules().size()];
        this.beforeNotFilters = new MatchFilter[rules.rules().size()];
        this.afterFilters = new MatchFilter[rules.rules().size()];
        this.afterNotFilters = new MatchFilter[rules.rules().size()];
        this.vocabulary = new TokenIndex.Vocabulary(rules.rules().stream().map(TimexRule::triggers).toList());
        this.triggerList = new int[rules.rules().size()];
        for (TimexRule rule : rules.rules()) {
            startFilters[rule.order()] = MatchFilter.forward(rule.extract());
            beforeFilters[rule.order()] = rule.before() == null ? null : MatchFilter.backward(rule.before());
            beforeNotFilters[rule.order()] = rule.beforeNot() == null ? null : MatchFilter.backward(rule.beforeNot());
            afterFilters[rule.order()] = rule.after() == null ? null : MatchFilter.forward(rule.after());
            afterNotFilters[rule.order()] = rule.afterNot() == null ? null : MatchFilter.forward(rule.afterNot());
            triggerList[rule.order()] = vocabulary.list(rule.triggers());
        }
    }

    /** The confidence the rule files give the named rule, or the default for a rule that states none. */
    public double ruleConfidence(String ruleName) {
        return confidenceByRule.getOrDefault(ruleName, RuleSet.DEFAULT_CONFIDENCE);
    }

    /** Name and version, recorded with what it produces. */
    public static final String NAME = "eventline-rule-tagger/1";

    @Override
    public String toString() {
        return NAME + " (" + rules.rules().size() + " rules)";
    }

    @Override
    public List<TemporalExpression> tag(String text, LocalDate documentDate) {
        return tagWithRanges(text, documentDate).expressions();
    }

    @Override
    public List<TemporalExpression> tag(String text, LocalDate documentDate, List<TextSpan> sentences) {
        return tagWithRanges(text, documentDate, Objects.requireNonNull(sentences, "sentences")).expressions();
    }

    /** The expressions of {@link #tag}, plus the intervals that pairs of them form. */
    public Tagged tagWithRanges(String text, LocalDate documentDate) {
        return tagWithRanges(text, documentDate, null);
    }

    /** {@link #tagWithRanges(String, LocalDate)}, with the text's sentences if known (else null). */
    private Tagged tagWithRanges(String text, LocalDate documentDate, List<TextSpan> sentences) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(documentDate, "documentDate");
        List<Candidate> chosen = withoutOverlaps(text, candidates(text));
        List<int[]> rangePairs = ranges(text, chosen);
        TemporalExpression[] byCandidate = new TemporalExpression[chosen.size()];
        List<TemporalExpression> expressions = anchor(text, chosen, documentDate, byCandidate, sentences);
        List<TemporalRange> ranges = new ArrayList<>();
        for (int[] pair : rangePairs) {
            TemporalExpression from = byCandidate[pair[0]];
            TemporalExpression to = byCandidate[pair[1]];
            if (from != null && to != null && from.type() == TemporalType.DATE && to.type() == TemporalType.DATE
                    && from.value().matches("\\d{4}.*") && to.value().matches("\\d{4}.*")
                    && from.value().compareTo(to.value()) < 0) {
                ranges.add(new TemporalRange(from, to, from.value() + "/" + to.value(), RANGE_RULE));
            }
        }
        return new Tagged(expressions, ranges);
    }

    /** A rule matched: where, and its value before anchoring. */
    private record Candidate(TimexRule rule, int start, int end, String value) {
    }

    /**
     * A rule matched, neither its context checked nor its value computed yet: most matches overlap
     * a longer one and are dropped, so only those that would be kept are checked and evaluated.
     */
    private record Match(TimexRule rule, int start, int end, MatchResult groups) {
        int length() {
            return end - start;
        }
    }

    /**
     * Runs each rule only around the words that can start, end or carry its expressions (its
     * triggers), so the cost grows with the number of trigger words, not rules times text length;
     * and there only at the word starts whose character can start one of its matches.
     */
    private List<Match> candidates(String text) {
        TokenIndex tokens = TokenIndex.of(text, vocabulary);
        List<Match> candidates = new ArrayList<>();
        for (TimexRule rule : rules.rules()) {
            int[] windows = tokens.windows(triggerList[rule.order()], WINDOW, text.length());
            if (windows.length == 0) {
                continue; // none of its triggers: most rules in most texts, and a matcher costs
            }
            Matcher m = rule.extract().matcher(text);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            int[] starts = tokens.starts();
            MatchFilter filter = startFilters[rule.order()];
            for (int w = 0; w < windows.length; w += 2) {
                int windowEnd = windows[w + 1];
                int next = windows[w];
                int k = Arrays.binarySearch(starts, next);
                k = k >= 0 ? k : -k - 1;
                for (; k < starts.length && starts[k] < windowEnd; k++) {
                    // every rule's expression ends with a word boundary (RuleSet wraps it in them)
                    if (starts[k] < next || filter != null && !filter.canStartWordAt(text, starts[k])) {
                        continue;
                    }
                    m.region(starts[k], text.length());
                    if (!m.lookingAt()) {
                        continue;
                    }
                    next = Math.max(m.end(), starts[k] + 1);
                    if (m.end() == m.start()) {
                        continue;
                    }
                    int start = m.start(rule.offsetGroup());
                    int end = m.end(rule.offsetGroup());
                    if (start < 0 || end <= start) {
                        continue;
                    }
                    candidates.add(new Match(rule, start, end, m.toMatchResult()));
                }
            }
        }
        return candidates;
    }

    private boolean contextAllows(TimexRule rule, TextMatchers text, int start, int end) {
        if (rule.before() != null || rule.beforeNot() != null) {
            int from = Math.max(0, start - CONTEXT_WINDOW);
            if (rule.before() != null && !endsWith(rule.before(), beforeFilters[rule.order()], text, from, start)) {
                return false;
            }
            if (rule.beforeNot() != null && endsWith(rule.beforeNot(), beforeNotFilters[rule.order()], text, from, start)) {
                return false;
            }
        }
        if (rule.after() != null || rule.afterNot() != null) {
            int to = Math.min(text.length(), end + CONTEXT_WINDOW);
            if (rule.after() != null && !startsWith(rule.after(), afterFilters[rule.order()], text, end, to)) {
                return false;
            }
            if (rule.afterNot() != null && startsWith(rule.afterNot(), afterNotFilters[rule.order()], text, end, to)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A text and the matchers of expressions over it, each made once: a context is checked at
     * every expression, and making a matcher cost more than the check.
     */
    private static final class TextMatchers {
        private final String text;
        private final Map<Pattern, Matcher> byPattern = new IdentityHashMap<>();

        TextMatchers(String text) {
            this.text = text;
        }

        int length() {
            return text.length();
        }

        /** The matcher of {@code pattern} over {@code text[from, to)}, as a new one would be. */
        Matcher region(Pattern pattern, int from, int to) {
            Matcher matcher = byPattern.get(pattern);
            if (matcher == null) {
                matcher = pattern.matcher(text);
                byPattern.put(pattern, matcher);
            }
            return matcher.region(from, to);
        }
    }

    /**
     * Whether {@code text[from, end)} ends with a match of the context (compiled as
     * {@code (?:...)$}). The expression alone would try a match at every place of the window; the
     * filter reads back from the end only as far as a match could reach, and is asked only where
     * {@code $} means the end itself: before a final line terminator it matches too.
     */
    private static boolean endsWith(Pattern context, MatchFilter filter, TextMatchers text, int from, int end) {
        if (filter != null && !lineTerminatorBefore(text.text, from, end)) {
            if (!filter.canEndAt(text.text, end, from)) {
                return false;
            }
            if (filter.mustEndAt(text.text, end, from)) {
                return true; // an expression as simple as "[0-9/.,]": the automaton has said it all
            }
        }
        return text.region(context, from, end).find();
    }

    /** Whether {@code text[start, to)} starts with a match of the context; the filter, if any, says "no" first. */
    private static boolean startsWith(Pattern context, MatchFilter filter, TextMatchers text, int start, int to) {
        return (filter == null || filter.canStartAt(text.text, start)) && text.region(context, start, to).lookingAt();
    }

    private static boolean lineTerminatorBefore(String text, int from, int end) {
        for (int i = Math.max(from, end - 2); i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /**
     * Longest first, then the rule listed first; the result in text order. A match whose context
     * the rule refuses ({@code before}, {@code after-not} ...) or whose value cannot be computed (a
     * failed table lookup, an empty value) is no candidate: it is skipped where it would have been
     * taken, as if it had never been found.
     */
    private List<Candidate> withoutOverlaps(String text, List<Match> candidates) {
        candidates.sort(LONGEST_FIRST);
        // the characters the chosen expressions cover: a candidate is short, so looking at each of
        // its characters is cheaper than a sorted map of the chosen ones (a text can have 100,000)
        boolean[] taken = new boolean[text.length()];
        List<Candidate> chosen = new ArrayList<>();
        TextMatchers contexts = new TextMatchers(text);
        for (Match candidate : candidates) {
            if (overlapsTaken(taken, candidate.start(), candidate.end())
                    || !contextAllows(candidate.rule(), contexts, candidate.groups().start(), candidate.groups().end())) {
                continue;
            }
            String value = candidate.rule().value().evaluate(candidate.groups());
            if (value != null && !value.isEmpty()) {
                Arrays.fill(taken, candidate.start(), candidate.end(), true);
                chosen.add(new Candidate(candidate.rule(), candidate.start(), candidate.end(), value));
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::start));
        return chosen;
    }

    /** Longest first, then by rule order, then by start. */
    private static final Comparator<Match> LONGEST_FIRST = (a, b) -> {
        int order = Integer.compare(b.length(), a.length());
        if (order == 0) {
            order = Integer.compare(a.rule().order(), b.rule().order());
        }
        return order != 0 ? order : Integer.compare(a.start(), b.start());
    };

    private static boolean overlapsTaken(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pairs of date candidates joined as a range ("from April to November 1914", "between 1915 and
     * 1934"). A month without a year on the left takes its year from the right end.
     */
    private List<int[]> ranges(String text, List<Candidate> chosen) {
        List<int[]> pairs = new ArrayList<>();
        TextMatchers matchers = new TextMatchers(text);
        for (int i = 0; i + 1 < chosen.size(); i++) {
            Candidate left = chosen.get(i);
            Candidate right = chosen.get(i + 1);
            if (left.rule().type() != TemporalType.DATE || right.rule().type() != TemporalType.DATE) {
                continue;
            }
            if (!matchers.region(rangeConnector, left.end(), right.start()).matches()) {
                continue;
            }
            boolean opened = matchers.region(rangeStart, Math.max(0, left.start() - 16), left.start()).find();
            String between = text.substring(left.end(), right.start()).trim();
            if (!opened && !between.equals("-") && !between.equals("–")) {
                continue;
            }
            Matcher leftMonth = MONTH_WITHOUT_YEAR.matcher(left.value());
            Matcher rightMonth = ABSOLUTE_MONTH.matcher(right.value());
            if (leftMonth.matches() && rightMonth.matches()) {
                int year = Integer.parseInt(rightMonth.group(1));
                if (Integer.parseInt(leftMonth.group(1)) > Integer.parseInt(rightMonth.group(2))) {
                    year--;
                }
                chosen.set(i, new Candidate(left.rule(), left.start(), left.end(),
                        String.format("%04d-%s", year, leftMonth.group(1))));
            }
            pairs.add(new int[] {i, i + 1});
        }
        return pairs;
    }

    /**
     * The expressions of the chosen candidates, anchored; {@code byCandidate[i]} is that of
     * {@code chosen.get(i)}, null if its value could not be anchored.
     */
    private List<TemporalExpression> anchor(String text, List<Candidate> chosen, LocalDate documentDate,
                                            TemporalExpression[] byCandidate, List<TextSpan> knownSentences) {
        boolean narrative = isNarrative(text, chosen, documentDate);
        List<TextSpan> sentences = chosen.isEmpty() ? List.of()
                : knownSentences != null ? knownSentences : Sentences.spans(text);
        List<TemporalExpression> out = new ArrayList<>(chosen.size());
        Anchoring.Reference reference = null;
        Anchoring.Reference lastQuarter = null;
        boolean yearToDate = false;
        int sentenceIndex = 0;
        LocalDate sentenceDay = null;
        int sentenceOfDay = -1;
        int sentenceOfCues = -1;
        List<Tense.Cue> cues = List.of();
        for (int c = 0; c < chosen.size(); c++) {
            Candidate candidate = chosen.get(c);
            while (sentenceIndex + 1 < sentences.size() && sentences.get(sentenceIndex).end() <= candidate.start()) {
                sentenceIndex++;
            }
            TextSpan sentence = sentences.isEmpty() ? new TextSpan(0, text.length()) : sentences.get(sentenceIndex);
            int clauseStart = Math.min(sentence.start(), candidate.start());
            int clauseEnd = Math.max(sentence.end(), candidate.end());
            String value = candidate.value();
            if (value.startsWith("UNDEF-")) {
                if (sentenceOfCues != sentenceIndex) {
                    cues = Tense.cues(text, clauseStart, clauseEnd);
                    sentenceOfCues = sentenceIndex;
                }
                Tense tense = Tense.nearest(cues, candidate.start(), candidate.end());
                boolean recent = reference != null && reference.sentence() >= sentenceIndex - 1;
                // only a past year makes a history: "bonds due 1993 ... expire Nov. 21" is this year's
                boolean historicNearby = recent && tense != Tense.FUTURE
                        && reference.date().getYear() < documentDate.getYear() - 1;
                if (!historicNearby && value.startsWith(YEAR_LEFT_OUT) && Tense.deadlineBefore(text, candidate.start())) {
                    tense = Tense.FUTURE;
                }
                Anchoring.Context context = new Anchoring.Context(documentDate, reference, recent, narrative,
                        historicNearby, historicNearby && reference.sentence() == sentenceIndex, tense,
                        sentenceOfDay == sentenceIndex ? sentenceDay : null, lastQuarter, yearToDate);
                value = Anchoring.resolve(value, context);
                if (value == null) {
                    continue;
                }
            }
            if ((candidate.rule().type() == TemporalType.DATE || candidate.rule().type() == TemporalType.TIME)
                    && !Anchoring.isBackwardComparison(candidate.value())) {
                Anchoring.Reference dated = Anchoring.Reference.of(value, sentenceIndex);
                if (dated != null) {
                    reference = dated;
                    yearToDate &= !dated.quarter();
                    if (dated.quarter() && !dated.date().plusMonths(3).isAfter(documentDate)
                            && (lastQuarter == null || dated.date().isAfter(lastQuarter.date()))) {
                        lastQuarter = dated;
                    }
                    if (dated.hasDay()) {
                        sentenceDay = dated.date();
                        sentenceOfDay = sentenceIndex;
                    }
                }
            }
            if (candidate.rule().type() == TemporalType.DURATION && YEAR_TO_DATE.matcher(value).matches()) {
                yearToDate = true;
            }
            byCandidate[c] = new TemporalExpression(candidate.start(), candidate.end(),
                    text.substring(candidate.start(), candidate.end()), candidate.rule().type(), value,
                    candidate.rule().name());
            out.add(byCandidate[c]);
        }
        return out;
    }

    /** The value of a day or month whose year the text leaves out ("by May", "June 1"). */
    private static final String YEAR_LEFT_OUT = "UNDEF-year-";

    /** The months of a business year so far, for which reports give results beside the quarter's: "the nine months". */
    private static final Pattern YEAR_TO_DATE = Pattern.compile("P[69]M");

    /**
     * A history narrative: it names absolute dates, few of them near the document date, and seldom
     * speaks of "yesterday" or "Wednesday" as news does, so a "7 August" belongs to the year the
     * narrative is in. Such words inside double quotes are someone's words, not the narrator's (a
     * history quotes "It is us today. It will be you tomorrow."); outside them one per eight dates
     * is allowed all the same.
     */
    private static boolean isNarrative(String text, List<Candidate> chosen, LocalDate documentDate) {
        int absolute = 0;
        int near = 0;
        int deictic = 0;
        int read = 0; // the text before it is read once for the quotes, whatever the number of candidates
        boolean quoted = false;
        for (Candidate candidate : chosen) {
            String value = candidate.value();
            if (isDeictic(value)) {
                for (; read < candidate.start(); read++) {
                    char c = text.charAt(read);
                    // a quotation does not run on past its paragraph
                    quoted = c == '"' ? !quoted : quoted && c != '\n';
                }
                if (!quoted) {
                    deictic++;
                }
            }
            Anchoring.Reference dated = Anchoring.Reference.of(value, 0);
            if (dated != null) {
                absolute++;
                if (Math.abs(dated.date().getYear() - documentDate.getYear()) <= 1) {
                    near++;
                }
            }
        }
        return deictic * 8 < absolute && absolute >= 4 && near * 10 < absolute;
    }

    private static final Pattern NAMED_WEEKDAY = Pattern.compile("UNDEF-(last|this|next)named-weekday");

    /** News speaks of the days around it: "Wednesday", "today", "this week", "last Friday". */
    private static boolean isDeictic(String value) {
        return value.startsWith("UNDEF-weekday") || value.startsWith("UNDEF-pastweekday")
                || value.startsWith("UNDEF-this-day") || value.startsWith("UNDEF-this-week")
                || value.startsWith("UNDEF-") && value.startsWith("named-weekday", 10) // "UNDEF-last" first
                && NAMED_WEEKDAY.matcher(value).lookingAt();
    }
}
