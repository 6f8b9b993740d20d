package io.eventline.timeline.dedup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content words of a text, as comparable stems: lower case, stop words removed, light suffix
 * stripping so that "designated", "designates" and "designation" meet.
 *
 * <p>Stop words include the calendar (weekday and month names, "week", "year"...) and the reporting
 * verbs ("said", "told", "according"): the date is judged apart by {@link DateCompatibility}, and
 * who relayed a fact says nothing about which fact it is. Digits are left to {@link Figures}.
 */
final class ContentWords {

    private static final Pattern ABBREVIATION = Pattern.compile("\\b([A-Za-z])\\.([A-Za-z])\\.(?:([A-Za-z])\\.)?");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // function words
            "a", "about", "above", "after", "again", "against", "all", "almost", "along", "already", "also",
            "although", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be",
            "became", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "down", "during", "each", "either", "else", "even", "ever", "every",
            "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
            "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
            "itself", "just", "least", "less", "like", "many", "may", "me", "might", "more", "most", "much",
            "must", "my", "near", "nearly", "neither", "no", "nor", "not", "now", "of", "off", "on", "once",
            "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own", "per", "rather",
            "same", "several", "she", "should", "since", "so", "some", "such", "than", "that", "the",
            "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
            "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon",
            "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
            "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
            "amid", "including", "least", "latter", "former", "some", "whom", "onto", "per", "s", "t",
            // reporting
            "said", "say", "says", "saying", "told", "tell", "tells", "according", "reportedly", "stated",
            "added", "noted", "claimed", "insisted", "declaring",
            // calendar and relative time (the date is judged apart)
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "june", "july", "august", "september", "october", "november",
            "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "today", "yesterday", "tomorrow", "day", "days", "week", "weeks", "month", "months", "year",
            "years", "decade", "century", "earlier", "later", "last", "next", "ago", "early", "late",
            "morning", "afternoon", "evening", "night", "overnight", "time"));

    private ContentWords() {
    }

    /** Upper-case abbreviations with dots ("U.S.", "U.N.") written without them, before tokenizing. */
    static String undotAbbreviations(String text) {
        return ABBREVIATION.matcher(text).replaceAll(m -> m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3)));
    }

    static Set<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        for (String token : NON_WORD.split(undotAbbreviations(text).toLowerCase(Locale.ROOT))) {
            if (token.length() < 2 || STOP_WORDS.contains(token) || !Character.isLetter(token.charAt(0))) {
                continue;
            }
            stems.add(stem(token));
        }
        return stems;
    }

    /**
     * A light suffix stripper (plural, -ed, -ing, -ation, -ion, -ment, a final -at and -e), applied the
     * same way to every word: it only has to make the forms of one word meet, not to produce roots.
     */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        w = strip(w, "ing", 3);
        w = strip(w, "ed", 3);
        w = strip(w, "ation", 3);
        w = strip(w, "ion", 3);
        w = strip(w, "ment", 3);
        w = strip(w, "at", 4);
        w = strip(w, "e", 3);
        return w;
    }

    private static String strip(String word, String suffix, int minimumStem) {
        return word.endsWith(suffix) && word.length() - suffix.length() >= minimumStem
                ? word.substring(0, word.length() - suffix.length())
                : word;
    }
}
