package io.eventline.ingest.timex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tense of the clause around an expression, read from the verbs near it, which tells whether
 * "Wednesday" is the last or the next one: "said Wednesday" is past, "will meet on Wednesday"
 * future. The cue nearest to the expression wins; without any cue the tense is {@link #PRESENT}.
 */
enum Tense {
    PAST, PRESENT, FUTURE;

    private static final Set<String> FUTURE_WORDS = Set.of(
            "will", "won't", "wont", "shall", "next", "upcoming", "coming", "tomorrow", "scheduled",
            "expected", "due", "until", "till", "would", "soon", "ahead");
    /** Words that signal the future when "to" follows: "plans to", "is to", "set to". */
    private static final Set<String> FUTURE_BEFORE_TO = Set.of(
            "going", "plans", "plan", "planning", "intends", "intend", "expected", "set", "is", "are", "scheduled",
            "due", "hopes", "aims", "wants", "vowed", "promised", "ready", "likely", "poised", "expects",
            "expect", "planned", "agreed", "agreement");
    private static final Set<String> PAST_WORDS = Set.of(
            "was", "were", "had", "did", "has", "have", "said", "told", "met", "made", "took", "gave", "came", "went",
            "began", "saw", "won", "lost", "left", "held", "led", "sent", "spoke", "wrote", "ran", "fell", "rose",
            "paid", "put", "got", "brought", "bought", "sold", "thought", "found", "fought", "stood", "struck",
            "hit", "shot", "broke", "chose", "drew", "flew", "grew", "knew", "threw", "became", "fled", "yesterday",
            "ago", "last", "earlier", "kept", "meant", "felt", "heard", "taught", "caught", "sought", "built",
            "spent", "lent", "overtook", "withdrew", "swore", "wore", "tore", "forgot", "froze", "rode",
            "ate", "sat", "slept", "dealt", "stole", "arose", "awoke", "shook", "sank", "sang");
    /** Words ending in -ed that are not past tense verbs. */
    private static final Set<String> NOT_PAST = Set.of(
            "united", "need", "indeed", "speed", "seed", "feed", "proceed", "exceed", "succeed", "hundred", "shed",
            "breed", "creed", "greed", "weed", "deed", "bleed", "red", "bed", "wed", "embed", "planned",
            "expected", "scheduled", "ed", "ted", "fred", "naked", "wicked", "sacred", "kindred", "armed",
            "limited", "based", "related", "interested", "concerned", "proposed", "advanced", "alleged");
    /**
     * "a still unspecified date", "the proposed merger": an -ed word after these is an adjective,
     * not a verb in the past tense.
     */
    private static final Set<String> BEFORE_ADJECTIVE = Set.of(
            "a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "still", "very", "most",
            "newly", "recently", "previously");
    /**
     * "It had been due to expire Friday evening", "had been scheduled to expire at midnight Friday":
     * a plan told in the past perfect was for a time now past (it has been changed or done since).
     */
    private static final Set<String> PAST_PERFECT_PLANS = Set.of("due", "scheduled", "expected", "set", "planned");
    /** "were planning to", "was set to": a plan that was made for what comes after it. */
    private static final Set<String> PAST_PROGRESSIVE = Set.of("was", "were");
    /** "must be returned": a participle after these says nothing about the time. */
    private static final Set<String> PASSIVE_AUXILIARIES = Set.of("be", "been", "being", "is", "are", "am");
    private static final Set<String> PRESENT_WORDS = Set.of("is", "are", "am", "says", "say");

    /** A verb or adverb that signals a tense, where it stands. */
    record Cue(int start, int end, Tense tense) {
    }

    /** The cues of {@code text[from, to)}, in text order. */
    static List<Cue> cues(CharSequence text, int from, int to) {
        List<Cue> cues = new ArrayList<>();
        String previous = "";
        String secondLast = "";
        String thirdLast = "";
        int previousStart = -1;
        int secondLastStart = -1;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < to && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '’')) {
                i++;
            }
            String word = text.subSequence(start, i).toString().toLowerCase(Locale.ROOT).replace('’', '\'');
            Tense tense = null;
            if (word.equals("to") && previous.equals("next") && !cues.isEmpty()
                    && cues.get(cues.size() - 1).start() == previousStart) {
                // "the blasts next to the U.S. embassies on Friday": a place, not the next of anything
                cues.remove(cues.size() - 1);
            } else if (word.equals("to") && FUTURE_BEFORE_TO.contains(previous)) {
                boolean pastPerfect = PAST_PERFECT_PLANS.contains(previous) && secondLast.equals("been")
                        && thirdLast.equals("had");
                boolean pastVerb = !cues.isEmpty() && cues.get(cues.size() - 1).start() == previousStart
                        && cues.get(cues.size() - 1).tense() == PAST;
                if ((previous.equals("planned") || pastVerb) && !pastPerfect) {
                    // the planning is past, what was planned to come: "On Friday, the government planned to
                    // ..." is the Friday before, "planned to leave Nairobi on Thursday" the Thursday ahead;
                    // so "agreed to purchase the line in February", "vowed to"
                    if (!pastVerb) {
                        cues.add(new Cue(previousStart, previousStart + previous.length(), PAST));
                    }
                    cues.add(new Cue(start, i, FUTURE));
                } else if (!pastPerfect && PAST_PROGRESSIVE.contains(secondLast) && !cues.isEmpty()
                        && cues.get(cues.size() - 1).start() == secondLastStart) {
                    // "were planning to drive on Monday", "was set to meet Friday": the "were" is the plan's,
                    // not a past of its own ("a demonstration on Saturday and were planning to ...")
                    cues.set(cues.size() - 1, new Cue(secondLastStart, i, FUTURE));
                } else {
                    cues.add(new Cue(previousStart, i, pastPerfect ? PAST : FUTURE));
                }
            } else if (PAST_PERFECT_PLANS.contains(word) && previous.equals("been") && secondLast.equals("had")) {
                tense = PAST;
            } else if (FUTURE_WORDS.contains(word) || word.endsWith("'ll")) {
                tense = FUTURE;
            } else if ((PAST_WORDS.contains(word) || (word.length() >= 4 && word.endsWith("ed") && !NOT_PAST.contains(word)
                            && !BEFORE_ADJECTIVE.contains(previous)))
                    && !PASSIVE_AUXILIARIES.contains(previous)) {
                tense = PAST;
            } else if (PRESENT_WORDS.contains(word)) {
                tense = PRESENT;
            }
            if (tense != null) {
                cues.add(new Cue(start, i, tense));
            }
            thirdLast = secondLast;
            secondLast = previous;
            secondLastStart = previousStart;
            previous = word;
            previousStart = start;
        }
        return cues;
    }

    /**
     * The tense of the cue nearest to the expression {@code [start, end)}; of two as near, the
     * later one unless it is {@link #PRESENT}. The cues are those of {@link #cues}: in text order,
     * their ends strictly increasing. So only the last cue before the expression and the first
     * ones after it can be nearest, and only they are looked at: a sentence of thousands of cues
     * and dates costs no more per date than a short one.
     */
    static Tense nearest(List<Cue> cues, int start, int end) {
        int best = Integer.MAX_VALUE;
        Tense tense = PRESENT;
        int firstAfter = -1;
        for (int i = Math.max(0, firstEndingAfter(cues, start) - 1); i < cues.size(); i++) {
            Cue cue = cues.get(i);
            if (cue.start() >= end) {
                if (firstAfter < 0) {
                    firstAfter = cue.start();
                } else if (cue.start() > firstAfter) {
                    break; // farther than the first cue after the expression
                }
            }
            int distance;
            if (cue.end() <= start) {
                distance = start - cue.end();
            } else if (cue.start() >= end) {
                distance = cue.start() - end;
            } else {
                continue; // inside the expression itself ("next" of "next Friday")
            }
            if (distance < best || (distance == best && cue.tense() != PRESENT)) {
                best = distance;
                tense = cue.tense();
            }
        }
        return tense;
    }

    /** The index of the first cue that ends after {@code offset} (the cues' ends increase). */
    private static int firstEndingAfter(List<Cue> cues, int offset) {
        int low = 0;
        int high = cues.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cues.get(middle).end() <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Words that make the day or month right after them a deadline or a start still ahead: "by May", "effective June 1". */
    private static final Set<String> DEADLINE_WORDS = Set.of("by", "effective");

    /**
     * Whether the word right before {@code start} makes a day or month without a year a deadline
     * ("will double its flights by August", "talks supposed to conclude by May, invited ...",
     * "a labor pact effective June 1"): news names such a date for what is still to come, whatever
     * verb stands nearest. Not for weekdays: "by Monday, officials had hardened" looks back.
     */
    static boolean deadlineBefore(CharSequence text, int start) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == start) {
            return false;
        }
        int wordStart = end;
        while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        return DEADLINE_WORDS.contains(text.subSequence(wordStart, end).toString());
    }

    /** The tense around {@code [start, end)} within the clause {@code [from, to)}. */
    static Tense around(CharSequence text, int from, int start, int end, int to) {
        return nearest(cues(text, from, to), start, end);
    }
}
