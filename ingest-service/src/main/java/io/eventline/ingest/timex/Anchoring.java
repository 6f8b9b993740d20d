package io.eventline.ingest.timex;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the under-specified values the rules write ({@code UNDEF-...}) into TimeML values. The
 * value language:
 *
 * <ul>
 *   <li>{@code UNDEF-year-MM[-DD][rest]}: a month, season or day without year ("February 3"): the
 *       year of the narrative, or by the tense the last or next such day around the document date;</li>
 *   <li>{@code UNDEF-(this|REF|DCT)-unit[-(PLUS|MINUS)-n][rest]}: the unit (century, decade, year,
 *       half, quarter, month, week, day) containing the anchor, shifted n units; {@code this} is the
 *       document date (in a history narrative the narrative's date), {@code DCT} always the document
 *       date ("two years ago"), {@code REF} the last date mentioned ("two years later"), at the
 *       unit's precision ("the following year" after 22 May 1995 is 1996), a quarter kept ("a year
 *       earlier" than 1989-Q3 is 1988-Q3);</li>
 *   <li>{@code UNDEF-weekday-d[rest]}: weekday d (1 = Monday), the last or next by the tense;
 *       {@code UNDEF-pastweekday-d[rest]}: the last one (or today) whatever the tense;</li>
 *   <li>{@code UNDEF-(last|this|next)named-(weekday|month|season|quarter)-x}: "last Friday",
 *       "next April", "last fall", "the third quarter"; {@code yearagonamed-quarter}: "the year-ago third
 *       quarter"; {@code previousnamed-weekday}: "the previous Friday", the one before the last day told;</li>
 *   <li>{@code UNDEF-quarterof-YYYY}: "the 1988 quarter" of a quarterly report, the quarter of year
 *       YYYY that is compared: the number of the last completed quarter mentioned, else of the quarter
 *       before the document date;</li>
 *   <li>{@code UNDEF-reportedquarter}: "the quarter", "the latest period" of a quarterly report: the
 *       latest completed quarter mentioned before (a fiscal one: "the fiscal first quarter ... for the
 *       quarter"), else the quarter before the document date's;</li>
 *   <li>{@code UNDEF-nthweekday-MM-n-d}: the n-th weekday d of month MM ("Thanksgiving");</li>
 *   <li>{@code UNDEF-refyear[rest]}: the year of the last date mentioned, else the document's ("by the end
 *       of the year", "in July of that year");</li>
 *   <li>{@code UNDEF-weekend}: the last weekend, or the coming one in a clause about the future;</li>
 *   <li>{@code UNDEF-sameday[rest]}: the day of the sentence's last day-precise date, else the
 *       anchor day (a time: "at 3 p.m.");</li>
 *   <li>{@code UNDEF-weekof-<day>}: the week of a day written in this language or in full ("the week of
 *       March 6").</li>
 * </ul>
 * {@code rest} is appended as written ("-SU", "T15:00", "-WE").
 */
final class Anchoring {

    private static final Pattern YEAR_LEFT_OUT = Pattern.compile("UNDEF-year-(\\d{2}|SP|SU|FA|WI)(-\\d{2})?(.*)");
    private static final Pattern SHIFT = Pattern.compile(
            "UNDEF-(this|REF|DCT)-(century|decade|year|half|quarter|month|week|day)(?:-(PLUS|MINUS)-(\\d+))?(.*)");
    private static final Pattern WEEKDAY = Pattern.compile("UNDEF-(past)?weekday-([1-7])(.*)");
    private static final Pattern NAMED = Pattern.compile(
            "UNDEF-(last|this|next|yearago|previous)named-(weekday|month|season|quarter)-(\\w+)(.*)");
    private static final Pattern SAME_DAY = Pattern.compile("UNDEF-sameday(.*)");
    private static final Pattern WEEKEND = Pattern.compile("UNDEF-weekend");
    private static final Pattern REFERENCE_YEAR = Pattern.compile("UNDEF-refyear(.*)");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("UNDEF-nthweekday-(\\d{2})-([1-5])-([1-7])(?:-PLUS-(\\d))?(.*)");
    private static final Pattern QUARTER_OF_YEAR = Pattern.compile("UNDEF-quarterof-(\\d{4})");
    private static final String REPORTED_QUARTER = "UNDEF-reportedquarter";
    private static final String WEEK_OF = "UNDEF-weekof-";

    /**
     * An absolute date mentioned in the text, the anchor of what follows.
     *
     * @param date     its first day
     * @param value    its value
     * @param hasMonth precise to the month (or finer)
     * @param hasDay   precise to the day
     * @param quarter  a quarter
     * @param sentence the index of its sentence
     */
    record Reference(LocalDate date, String value, boolean hasMonth, boolean hasDay, boolean quarter, int sentence) {

        /**
         * The reference a value makes, or null if it is not an absolute date: {@code YYYY},
         * {@code YYYY-MM}, {@code YYYY-MM-DD} or {@code YYYY-Qn}, each perhaps with a time
         * ({@code T...} on one line). Read by hand: it runs twice for each expression, and as the
         * regex {@code (\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?(?:T.*)?} with its group strings
         * it was about a third of the tagger's time on a megabyte of dates.
         */
        static Reference of(String value, int sentence) {
            if (!isDigits(value, 0, 4)) {
                return null;
            }
            int month = -1; // absent
            int day = -1;
            int quarter = -1;
            int rest = 4;
            if (isDigits(value, 5, 2) && value.charAt(4) == '-') {
                month = number(value, 5, 2);
                rest = 7;
                if (isDigits(value, 8, 2) && value.charAt(7) == '-') {
                    day = number(value, 8, 2);
                    rest = 10;
                }
            } else if (value.startsWith("-Q", 4) && value.length() > 6 && value.charAt(6) >= '1' && value.charAt(6) <= '4') {
                quarter = value.charAt(6) - '0';
                rest = 7;
            }
            if (rest < value.length() && (value.charAt(rest) != 'T' || hasLineTerminator(value, rest + 1))) {
                return null;
            }
            try {
                int year = number(value, 0, 4);
                if (quarter >= 0) {
                    return new Reference(LocalDate.of(year, quarter * 3 - 2, 1), value, false, false, true, sentence);
                }
                return new Reference(LocalDate.of(year, month < 0 ? 1 : month, day < 0 ? 1 : day), value, month >= 0,
                        day >= 0, false, sentence);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static boolean isDigits(String value, int from, int count) {
            if (value.length() < from + count) {
                return false;
            }
            for (int i = from; i < from + count; i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static int number(String value, int from, int count) {
            int number = 0;
            for (int i = from; i < from + count; i++) {
                number = number * 10 + value.charAt(i) - '0';
            }
            return number;
        }

        /** What {@code .} of a regex does not match. */
        private static boolean hasLineTerminator(String value, int from) {
            for (int i = from; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * What a relative value is resolved against.
     *
     * @param documentDate      the document (publication) date
     * @param reference         the last absolute date mentioned before, or null
     * @param referenceRecent   the reference is in this or the previous sentence
     * @param narrativeDocument the text is a history narrative: its own dates anchor it
     * @param historicNearby    a historic date is in this or the previous sentence: a day without year
     *                          belongs to its year
     * @param historicInSentence a historic date is in this sentence: a month without year belongs to it
     * @param tense             the tense of the clause
     * @param sentenceDay       the day-precise date of the sentence so far, or null
     * @param lastQuarter       the latest completed quarter mentioned before, or null: a
     *                          report of quarterly results compares "a year ago" with that quarter of
     *                          the year before
     * @param yearToDate        the report's results were last given for the months of its year so far
     *                          ("for the nine months"), after its quarter: "a year earlier" and "the 1988
     *                          period" then compare those months, written as the year before
     */
    record Context(LocalDate documentDate, Reference reference, boolean referenceRecent, boolean narrativeDocument,
                   boolean historicNearby, boolean historicInSentence, Tense tense, LocalDate sentenceDay,
                   Reference lastQuarter, boolean yearToDate) {
    }

    private Anchoring() {
    }

    private static final Pattern BACKWARD_COMPARISON = Pattern.compile("UNDEF-(?:REF|DCT)-\\w+-MINUS-.*");

    /**
     * A date reached by looking back from the story ("a year earlier", "two years ago") is a point of
     * comparison, not where the story goes on: it does not anchor what follows, so that a second "a
     * year earlier" compares with the same period again rather than a year further back.
     */
    static boolean isBackwardComparison(String unresolvedValue) {
        // the prefixes first: most values have neither, and a matcher costs
        return (unresolvedValue.startsWith("UNDEF-REF-") || unresolvedValue.startsWith("UNDEF-DCT-"))
                && BACKWARD_COMPARISON.matcher(unresolvedValue).matches();
    }

    /** The resolved value, or null if the value cannot be resolved. */
    static String resolve(String value, Context context) {
        if (!value.startsWith("UNDEF-")) {
            return value;
        }
        try {
            return resolveOrThrow(value, context);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String resolveOrThrow(String value, Context c) {
        Matcher m;
        // the most frequent forms are told by their prefix first: a matcher that fails costs
        if (value.startsWith("UNDEF-year-") && (m = YEAR_LEFT_OUT.matcher(value)).matches()) {
            return yearLeftOut(m.group(1), m.group(2), m.group(3), c);
        }
        if ((value.startsWith("UNDEF-this-") || value.startsWith("UNDEF-REF-") || value.startsWith("UNDEF-DCT-"))
                && (m = SHIFT.matcher(value)).matches()) {
            int n = m.group(3) == null ? 0 : Integer.parseInt(m.group(4)) * (m.group(3).equals("MINUS") ? -1 : 1);
            return shift(m.group(1), m.group(2), n, c) + m.group(5);
        }
        if ((m = WEEKDAY.matcher(value)).matches()) {
            DayOfWeek day = DayOfWeek.of(Integer.parseInt(m.group(2)));
            LocalDate anchor = c.narrativeDocument() && c.reference() != null && c.reference().hasDay()
                    ? c.reference().date() : c.documentDate();
            LocalDate resolved = c.tense() == Tense.FUTURE && m.group(1) == null
                    ? anchor.with(TemporalAdjusters.nextOrSame(day))
                    : anchor.with(TemporalAdjusters.previousOrSame(day));
            return resolved + m.group(3);
        }
        if ((m = NAMED.matcher(value)).matches()) {
            return named(m.group(1), m.group(2), m.group(3), c) + m.group(4);
        }
        if ((m = NTH_WEEKDAY.matcher(value)).matches()) {
            // a day after the nth weekday: America's Election Day is the Tuesday after the first Monday
            int daysAfter = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            return nthWeekday(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    DayOfWeek.of(Integer.parseInt(m.group(3))), c).plusDays(daysAfter) + m.group(5);
        }
        if (value.startsWith(WEEK_OF)) {
            String day = resolve(value.substring(WEEK_OF.length()), c);
            return day == null ? null : shift(LocalDate.parse(day), "week", 0);
        }
        if (value.equals(REPORTED_QUARTER)) {
            return c.lastQuarter() != null && !c.narrativeDocument() ? shift(c.lastQuarter().date(), "quarter", 0)
                    : shift("this", "quarter", -1, c);
        }
        if ((m = QUARTER_OF_YEAR.matcher(value)).matches()) {
            if (c.yearToDate()) {
                return m.group(1);
            }
            LocalDate compared = c.lastQuarter() != null ? c.lastQuarter().date() : c.documentDate().minusMonths(3);
            return m.group(1) + "-Q" + ((compared.getMonthValue() - 1) / 3 + 1);
        }
        if ((m = REFERENCE_YEAR.matcher(value)).matches()) {
            return year((c.reference() != null ? c.reference().date() : c.documentDate()).getYear()) + m.group(1);
        }
        if (WEEKEND.matcher(value).matches()) {
            LocalDate anchor = c.narrativeDocument() && c.reference() != null && c.reference().hasDay()
                    ? c.reference().date() : c.documentDate();
            LocalDate day = c.tense() == Tense.FUTURE
                    ? anchor.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))
                    : anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            return shift(day, "week", 0) + "-WE";
        }
        if ((m = SAME_DAY.matcher(value)).matches()) {
            LocalDate day = c.sentenceDay() != null ? c.sentenceDay()
                    : (c.narrativeDocument() || c.referenceRecent() && c.tense() == Tense.PAST)
                            && c.reference() != null && c.reference().hasDay() ? c.reference().date()
                    : c.documentDate();
            return day + m.group(1);
        }
        return null;
    }

    /**
     * A day of the last six weeks before the document date: news reporting what happened since, even
     * right after it recalls a past year ("the 1988 cease-fire with Iran, which had condemned Iraq's
     * invasion of Kuwait on Aug. 2"); a history would not leave out the year of such a day.
     */
    private static boolean inTheWeeksBefore(String month, String dayPart, Context c) {
        if (!Character.isDigit(month.charAt(0))) {
            return false;
        }
        LocalDate day = dayNear(Integer.parseInt(month), Integer.parseInt(dayPart.substring(1)), c.documentDate(), c.tense());
        return day != null && !day.isAfter(c.documentDate()) && day.isAfter(c.documentDate().minusWeeks(6));
    }

    /** A holiday such as Thanksgiving (the fourth Thursday of November), in the year a day would take. */
    private static LocalDate nthWeekday(int month, int nth, DayOfWeek day, Context c) {
        int year;
        if (c.narrativeDocument() && c.reference() != null) {
            year = c.reference().date().getYear();
        } else {
            LocalDate near = dayNear(month, 15, c.documentDate(), c.tense());
            year = near == null ? c.documentDate().getYear() : near.getYear();
        }
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, day));
    }

    private static String yearLeftOut(String monthOrSeason, String dayPart, String rest, Context c) {
        boolean season = !Character.isDigit(monthOrSeason.charAt(0));
        Reference ref = c.reference();
        boolean historic = dayPart != null ? c.historicNearby() && !inTheWeeksBefore(monthOrSeason, dayPart, c)
                : c.historicInSentence();
        if ((c.narrativeDocument() || historic) && ref != null) {
            int year = ref.date().getYear();
            if (monthOrSeason.equals("WI") && ref.hasMonth() && ref.date().getMonthValue() >= 7) {
                // a winter told after the summer or autumn of a year is the one coming, which the corpora
                // write by the year of its January: Valley Forge after December 1777 is 1778-WI
                year++;
            }
            return String.format("%04d", year) + "-" + monthOrSeason + (dayPart == null ? "" : dayPart) + rest;
        }
        LocalDate dct = c.documentDate();
        if (season) {
            return dct.getYear() + "-" + monthOrSeason + rest;
        }
        int month = Integer.parseInt(monthOrSeason);
        if (dayPart == null) {
            YearMonth current = YearMonth.from(dct);
            YearMonth back = YearMonth.of(month <= dct.getMonthValue() ? dct.getYear() : dct.getYear() - 1, month);
            YearMonth ahead = YearMonth.of(month >= dct.getMonthValue() ? dct.getYear() : dct.getYear() + 1, month);
            YearMonth chosen = switch (c.tense()) {
                // past-tense news also reports plans for the next weeks: "was planned for early March"
                case PAST -> ChronoUnit.MONTHS.between(current, ahead) <= 1 && !ahead.equals(current) ? ahead : back;
                case FUTURE -> ahead;
                default -> ChronoUnit.MONTHS.between(back, current) <= ChronoUnit.MONTHS.between(current, ahead) ? back : ahead;
            };
            return chosen + rest;
        }
        int day = Integer.parseInt(dayPart.substring(1));
        LocalDate resolved = dayNear(month, day, dct, c.tense());
        return resolved == null ? null : resolved + rest;
    }

    /**
     * The year of a day without one: in a clause about the future the next such day; otherwise the
     * one within nine months before to three months after the document date (news reports past
     * events mostly, and names the dates of coming ones even in the past tense: "said it would
     * meet on March 12").
     */
    static LocalDate dayNear(int month, int day, LocalDate dct, Tense tense) {
        LocalDate windowStart;
        LocalDate windowEnd;
        if (tense == Tense.FUTURE) {
            windowStart = dct.minusDays(7);
            windowEnd = dct.plusYears(1).minusDays(7);
        } else {
            windowStart = dct.minusMonths(9);
            windowEnd = dct.plusMonths(3);
        }
        for (int year = dct.getYear() - 1; year <= dct.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (!candidate.isBefore(windowStart) && candidate.isBefore(windowEnd)) {
                    return candidate;
                }
            } catch (DateTimeException notADay) {
                // February 29 of a common year
            }
        }
        return null;
    }

    private static String shift(String anchorKind, String unit, int n, Context c) {
        Reference ref = c.reference();
        switch (anchorKind) {
            case "DCT" -> {
                if (unit.equals("year") && c.lastQuarter() != null) {
                    return comparedPeriod(c, n); // in a quarterly report: that quarter
                }
                return shift(c.documentDate(), unit, n);
            }
            case "this" -> {
                LocalDate anchor = c.narrativeDocument() && ref != null ? ref.date() : c.documentDate();
                return shift(anchor, unit, n);
            }
            default -> {
                if (unit.equals("year") && n < 0 && c.lastQuarter() != null) {
                    return comparedPeriod(c, n); // "a year earlier" in a quarterly report
                }
                if (ref == null) {
                    return shift(c.documentDate(), unit, n);
                }
                return atUnitPrecision(ref, unit, n);
            }
        }
    }

    /** The period a quarterly report compares, n years away: its quarter, or its year for the months so far. */
    private static String comparedPeriod(Context c, int n) {
        return c.yearToDate() ? shift(c.lastQuarter().date(), "year", n)
                : shift(c.lastQuarter().date(), "quarter", 4 * n);
    }

    /**
     * Shifts the reference by n units, at the precision of the unit: "the following year" after
     * 22 May 1995 is 1996, "later that month" after 9 July 1943 is 1943-07, as the annotated corpora
     * write them (the day of the reference is not the day of what follows it). A quarter stays a
     * quarter: "a year earlier" than 1989-Q3 is 1988-Q3.
     */
    private static String atUnitPrecision(Reference ref, String unit, int n) {
        if (ref.quarter() && unit.equals("year")) {
            return shift(ref.date(), "quarter", 4 * n);
        }
        if (unit.equals("day") && !ref.hasDay()) {
            // "last October ... crossed out that same day": a day of that month, which one is not told
            return year(ref.date().getYear()) + (ref.hasMonth() ? String.format("-%02d", ref.date().getMonthValue()) : "-XX")
                    + "-XX";
        }
        return shift(ref.date(), unit, n);
    }

    static String shift(LocalDate anchor, String unit, int n) {
        return switch (unit) {
            case "century" -> String.format("%02d", Math.floorDiv(anchor.getYear(), 100) + n);
            case "decade" -> String.format("%03d", Math.floorDiv(anchor.getYear(), 10) + n);
            case "year" -> year(anchor.getYear() + n);
            case "half" -> {
                int index = anchor.getYear() * 2 + (anchor.getMonthValue() - 1) / 6 + n;
                yield year(Math.floorDiv(index, 2)) + "-H" + (Math.floorMod(index, 2) + 1);
            }
            case "quarter" -> {
                int index = anchor.getYear() * 4 + (anchor.getMonthValue() - 1) / 3 + n;
                yield year(Math.floorDiv(index, 4)) + "-Q" + (Math.floorMod(index, 4) + 1);
            }
            case "month" -> YearMonth.from(anchor).plusMonths(n).toString();
            case "week" -> {
                LocalDate day = anchor.plusWeeks(n);
                yield year(day.get(IsoFields.WEEK_BASED_YEAR)) + "-W"
                        + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            default -> anchor.plusDays(n).toString();
        };
    }

    private static String year(int year) {
        return String.format("%04d", year);
    }

    private static String named(String which, String kind, String what, Context c) {
        LocalDate dct = c.documentDate();
        switch (kind) {
            case "quarter" -> {
                int quarter = Integer.parseInt(what);
                int current = (dct.getMonthValue() - 1) / 3 + 1;
                int year = dct.getYear();
                if (which.equals("last") || (which.equals("this") && quarter > current && c.tense() == Tense.PAST)) {
                    year = quarter < current ? year : year - 1;
                } else if (which.equals("next")) {
                    year = quarter > current ? year : year + 1;
                } else if (which.equals("yearago")) {
                    year = (quarter > current ? year - 1 : year) - 1; // the year before the last such quarter
                }
                return year + "-Q" + quarter;
            }
            case "weekday" -> {
                DayOfWeek day = DayOfWeek.of(Integer.parseInt(what));
                return switch (which) {
                    case "last" -> dct.with(TemporalAdjusters.previous(day)).toString();
                    case "next" -> dct.with(TemporalAdjusters.next(day)).toString();
                    // "down 4.5% from the previous Friday": the one before the day the story is at
                    case "previous" -> (c.reference() != null && c.reference().hasDay() ? c.reference().date() : dct)
                            .with(TemporalAdjusters.previous(day)).toString();
                    default -> dct.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .with(TemporalAdjusters.nextOrSame(day)).toString();
                };
            }
            case "month" -> {
                int month = Integer.parseInt(what);
                int year = switch (which) {
                    // the month just gone is "last month": "crashed last February" in a story of March is
                    // the February of the year before
                    case "last" -> month < dct.getMonthValue() - 1 ? dct.getYear() : dct.getYear() - 1;
                    case "next" -> month > dct.getMonthValue() ? dct.getYear() : dct.getYear() + 1;
                    default -> dct.getYear();
                };
                return YearMonth.of(year, month).toString();
            }
            default -> {
                return seasonYear(which, what, dct) + "-" + what;
            }
        }
    }

    /** The year of "last/this/next summer": winter belongs to the year it ends in. */
    private static int seasonYear(String which, String season, LocalDate dct) {
        int month = dct.getMonthValue();
        int year = dct.getYear();
        int start = switch (season) {
            case "SP" -> 3;
            case "SU" -> 6;
            case "FA" -> 9;
            default -> 12;
        };
        // the season of this year: its start, with winter starting in December of the year before
        LocalDate thisStart = season.equals("WI") ? LocalDate.of(year - 1, 12, 1) : LocalDate.of(year, start, 1);
        if (season.equals("WI") && month == 12) {
            thisStart = LocalDate.of(year, 12, 1);
            year++;
        }
        LocalDate thisEnd = thisStart.plusMonths(3);
        return switch (which) {
            case "last" -> dct.isBefore(thisEnd) ? year - 1 : year;
            case "next" -> dct.isBefore(thisStart) ? year : year + 1;
            default -> year;
        };
    }
}
