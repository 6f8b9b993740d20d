package io.eventline.ingest.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the explicit-date extractor: each a regular expression for one way of writing a
 * date, and how to turn a match into a TimeML value. The extent of an expression is the named
 * group {@code expr}; a preposition that signals it ("in", "from") is matched but not part of it,
 * as in TimeML.
 *
 * <p>Month names are matched case-sensitively (capitalized) so the verbs "may" and "march" are
 * not taken for months.
 */
final class ExplicitDateRules {

    /** A rule matched and its value resolved. */
    record Resolved(String value, int start, int end) {
    }

    /** Turns a match into a TimeML value, or nothing if the match is not a date after all. */
    @FunctionalInterface
    interface Resolver {
        Optional<String> resolve(Matcher match, CharSequence text, LocalDate publicationDate);
    }

    record Rule(String name, Pattern pattern, double confidence, Resolver resolver) {

        Optional<Resolved> resolve(Matcher match, CharSequence text, LocalDate publicationDate) {
            return resolver.resolve(match, text, publicationDate)
                    .map(value -> new Resolved(value, match.start("expr"), match.end("expr")));
        }
    }

    /** Dates without a year fall in this window around the publication date; see {@link #inferYear}. */
    static final int MONTHS_BACK = 9;
    static final int MONTHS_AHEAD = 3;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** Full month names, or their usual abbreviations with an optional full stop. */
    private static final String MONTH_ANY = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![\\p{L}])\\.?";
    /** Only full names where the month stands alone: "Mar" or "Jun" alone are too often something else. */
    private static final String MONTH_FULL = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December)(?![\\p{L}])";
    private static final String WEEKDAY = "(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?";
    /** A day of the month, not part of a larger number, a time ("3:30") or a decimal. */
    private static final String DAY = "(?<!\\d)(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?![\\d:%]|[.,]\\d|\\p{L})";
    /** A four-digit year from 1000 to 2099, not part of a larger number ("$1,846", "10,000"). */
    private static final String YEAR = "(?<![\\d,.$€£])(?:1\\d{3}|20\\d{2})(?![\\d%]|[.,]\\d|\\p{L}|'s)";
    private static final String SPACE = "[ \\t\\u00A0]*\\n?[ \\t\\u00A0]*";
    private static final String SPACE1 = "(?:[ \\t\\u00A0]+\\n?[ \\t\\u00A0]*|\\n[ \\t\\u00A0]*)";
    private static final String YEAR_PREPOSITION = "(?:[Ii]n|[Oo]f|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore"
            + "|[Aa]fter|[Ff]rom|[Tt]hrough|[Tt]hroughout|[Aa]s early as|[Aa]s late as|[Aa]s of)";
    private static final String MONTH_PREPOSITION = "(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore"
            + "|[Aa]fter|[Tt]hrough|[Tt]hroughout)";
    /**
     * After "in 1846" a lower-case word that is not a function word usually means the number is a
     * count ("of 1500 people", "by 2000 votes"), so such a match is not a year.
     */
    private static final Set<String> WORDS_THAT_MAY_FOLLOW_A_YEAR = Set.of(
            "the", "a", "an", "and", "or", "but", "nor", "when", "while", "where", "which", "that", "who",
            "as", "to", "with", "at", "after", "before", "during", "by", "in", "on", "for", "of", "from",
            "against", "under", "over", "until", "since", "into", "amid", "following", "he", "she", "it",
            "they", "we", "i", "you", "his", "her", "its", "their", "our", "was", "were", "is", "had", "has",
            "have", "did", "alone", "onward", "onwards", "through", "there", "this", "these", "those");
    private static final Pattern NEXT_WORD = Pattern.compile("\\G\\s+(\\p{Ll}+)");

    static final List<Rule> ALL = List.of(
            new Rule("explicit.iso-date",
                    Pattern.compile("(?<expr>(?<![\\d-])(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?![\\d]|-\\d))"),
                    0.95, (m, text, pub) -> day(number(m, "year"), number(m, "month"), number(m, "day"))),
            new Rule("explicit.month-day-year",
                    Pattern.compile("(?<expr>" + WEEKDAY + "(?<month>" + MONTH_ANY + ")" + SPACE1 + "(?<day>" + DAY + "),?"
                            + SPACE1 + "(?<year>" + YEAR + "))"),
                    0.95, (m, text, pub) -> day(number(m, "year"), month(m), dayOfMonth(m))),
            new Rule("explicit.day-month-year",
                    Pattern.compile("(?<expr>" + WEEKDAY + "(?<day>" + DAY + ")" + SPACE1 + "(?:of" + SPACE1 + ")?(?<month>"
                            + MONTH_ANY + "),?" + SPACE1 + "(?<year>" + YEAR + "))"),
                    0.95, (m, text, pub) -> day(number(m, "year"), month(m), dayOfMonth(m))),
            new Rule("explicit.month-interval",
                    Pattern.compile("(?:[Ff]rom|[Bb]etween)" + SPACE1 + "(?<expr>(?<from>" + MONTH_FULL + ")(?:" + SPACE1
                            + "(?<fromYear>" + YEAR + "))?" + SPACE1 + "(?:to|until|till|through|and)" + SPACE1
                            + "(?<to>" + MONTH_FULL + "),?" + SPACE1 + "(?<year>" + YEAR + "))"),
                    0.85, (m, text, pub) -> monthInterval(m)),
            new Rule("explicit.year-interval",
                    Pattern.compile("(?:[Ff]rom|[Bb]etween)" + SPACE1 + "(?<expr>(?<from>" + YEAR + ")" + SPACE1
                            + "(?:to|until|till|through|and)" + SPACE1 + "(?<to>" + YEAR + "))"),
                    0.85, (m, text, pub) -> yearInterval(number(m, "from"), number(m, "to"))),
            new Rule("explicit.month-year",
                    Pattern.compile("(?<expr>(?<month>" + MONTH_ANY + ")" + SPACE1 + "(?:of" + SPACE1 + ")?(?<year>" + YEAR + "))"),
                    0.9, (m, text, pub) -> Optional.of(YearMonth.of(number(m, "year"), month(m)).toString())),
            new Rule("explicit.month-day",
                    Pattern.compile("(?<expr>" + WEEKDAY + "(?<month>" + MONTH_ANY + ")" + SPACE1 + "(?<day>" + DAY + "))"
                            + "(?!,?" + SPACE + "\\d)"),
                    0.8, (m, text, pub) -> inferYear(month(m), dayOfMonth(m), pub)),
            new Rule("explicit.day-month",
                    Pattern.compile("(?<expr>" + WEEKDAY + "(?<day>" + DAY + ")" + SPACE1 + "(?:of" + SPACE1 + ")?(?<month>"
                            + MONTH_ANY + "))(?!,?" + SPACE + "\\d)"),
                    0.8, (m, text, pub) -> inferYear(month(m), dayOfMonth(m), pub)),
            new Rule("explicit.month-of-publication-year",
                    Pattern.compile("(?<![\\p{L}])" + MONTH_PREPOSITION + SPACE1 + "(?:(?:early|late|mid)(?:" + SPACE1
                            + "|-))?(?<expr>(?<month>" + MONTH_FULL + "))(?!,?" + SPACE + "\\d)"),
                    0.7, (m, text, pub) -> Optional.of(recentMonth(month(m), pub).toString())),
            new Rule("explicit.decade",
                    Pattern.compile("(?<![\\d,.$'’])(?<expr>(?<decade>1\\d{2}|20\\d)0s)(?![\\p{L}\\d])(?!" + SPACE1 + "of\\b)"),
                    0.75, (m, text, pub) -> Optional.of(m.group("decade"))),
            new Rule("explicit.year",
                    Pattern.compile("(?<![\\p{L}])" + YEAR_PREPOSITION + SPACE1 + "(?:the year" + SPACE1 + ")?(?<expr>(?<year>"
                            + YEAR + "))"),
                    0.8, ExplicitDateRules::yearUnlessCount));

    private ExplicitDateRules() {
    }

    /**
     * The year of a day written without one ("February 3"): the one that puts the date within nine
     * months before to three months after the publication date. News mostly reports what happened
     * recently, and sometimes what is scheduled soon; the window is exactly one year wide, so the
     * choice is unique. An article of 2025-02-20 reads "February 3" as 2025-02-03, "April 15" as
     * 2025-04-15, "June 1" as 2024-06-01 and "December 30" as 2024-12-30.
     */
    static Optional<String> inferYear(int month, int day, LocalDate publicationDate) {
        LocalDate windowStart = publicationDate.minusMonths(MONTHS_BACK);
        LocalDate windowEnd = publicationDate.plusMonths(MONTHS_AHEAD);
        for (int year = publicationDate.getYear() - 1; year <= publicationDate.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (!candidate.isBefore(windowStart) && candidate.isBefore(windowEnd)) {
                    return Optional.of(candidate.toString());
                }
            } catch (DateTimeException notADay) {
                // February 29 of a common year: try the next candidate
            }
        }
        return Optional.empty();
    }

    /**
     * The month a bare month name ("in January") refers to: the latest such month not after the
     * publication month, so a January mentioned in a February article is this January and a
     * November is last November.
     */
    static YearMonth recentMonth(int month, LocalDate publicationDate) {
        int year = month <= publicationDate.getMonthValue() ? publicationDate.getYear() : publicationDate.getYear() - 1;
        return YearMonth.of(year, month);
    }

    private static Optional<String> day(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day).toString());
        } catch (DateTimeException notADay) {
            return Optional.empty(); // "February 30, 2025"
        }
    }

    private static Optional<String> monthInterval(Matcher m) {
        int toYear = number(m, "year");
        int fromMonth = monthNumber(m.group("from"));
        int toMonth = monthNumber(m.group("to"));
        int fromYear = m.group("fromYear") != null ? number(m, "fromYear") : fromMonth <= toMonth ? toYear : toYear - 1;
        YearMonth from = YearMonth.of(fromYear, fromMonth);
        YearMonth to = YearMonth.of(toYear, toMonth);
        return from.isBefore(to) ? Optional.of(from + "/" + to) : Optional.empty();
    }

    private static Optional<String> yearInterval(int from, int to) {
        return from < to ? Optional.of(from + "/" + to) : Optional.empty();
    }

    private static Optional<String> yearUnlessCount(Matcher m, CharSequence text, LocalDate publicationDate) {
        Matcher next = NEXT_WORD.matcher(text).region(m.end(), text.length());
        if (next.lookingAt() && !WORDS_THAT_MAY_FOLLOW_A_YEAR.contains(next.group(1))) {
            return Optional.empty();
        }
        return Optional.of(m.group("year"));
    }

    private static int month(Matcher m) {
        return monthNumber(m.group("month"));
    }

    private static int monthNumber(String name) {
        return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static int dayOfMonth(Matcher m) {
        return Integer.parseInt(m.group("day").replaceAll("\\D", ""));
    }

    private static int number(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }
}
