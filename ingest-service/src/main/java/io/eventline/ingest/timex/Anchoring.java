package io.eventline.ingest.timex;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the under-specified values the rules write ({@code UNDEF-...}) into TimeML values,
 * against an anchor: the document date, or for values marked {@code REF} (and years left out in a
 * history narrative) the last absolute date mentioned before. The value language:
 *
 * <ul>
 *   <li>{@code UNDEF-year-MM[-DD][rest]}: a month or day without year ("February 3");</li>
 *   <li>{@code UNDEF-(this|REF)-unit[-(PLUS|MINUS)-n][rest]}: the unit (century, decade, year,
 *       half, quarter, month, week, day) containing the document date ({@code this}) or the
 *       reference date ({@code REF}), shifted n units ("two years ago" =
 *       {@code UNDEF-this-year-MINUS-2});</li>
 *   <li>{@code UNDEF-weekday-d[rest]}: weekday d (1 = Monday), last or next by the tense;</li>
 *   <li>{@code UNDEF-(last|this|next)named-weekday-d}, {@code UNDEF-(last|this|next)named-month-MM},
 *       {@code UNDEF-(last|this|next)named-season-SS}: "last Friday", "next April", "last fall";</li>
 *   <li>{@code UNDEF-sameday[rest]}: the day of the last day-precise date of the sentence, else the
 *       document date (a time: "at 3 p.m.").</li>
 * </ul>
 * {@code rest} is appended as written ("-SU", "T15:00", "-Q3").
 */
final class Anchoring {

    private static final Pattern YEAR_LEFT_OUT = Pattern.compile("UNDEF-year-(\\d{2}|SP|SU|FA|WI)(-\\d{2})?(.*)");
    private static final Pattern SHIFT = Pattern.compile(
            "UNDEF-(this|REF)-(century|decade|year|half|quarter|month|week|day)(?:-(PLUS|MINUS)-(\\d+))?(.*)");
    private static final Pattern WEEKDAY = Pattern.compile("UNDEF-weekday-([1-7])(.*)");
    private static final Pattern NAMED = Pattern.compile("UNDEF-(last|this|next)named-(weekday|month|season|quarter)-(\\w+)(.*)");
    private static final Pattern SAME_DAY = Pattern.compile("UNDEF-sameday(.*)");
    private static final Pattern DATED = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:T.*)?");

    /** What a relative value is resolved against. */
    record Context(LocalDate documentDate, LocalDate reference, boolean referenceHasMonth, boolean referenceHasDay,
                   boolean narrative, boolean narrativeDocument, Tense tense, LocalDate sentenceDay) {
    }

    private Anchoring() {
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
        if ((m = YEAR_LEFT_OUT.matcher(value)).matches()) {
            return yearLeftOut(m.group(1), m.group(2), m.group(3), c);
        }
        if ((m = SHIFT.matcher(value)).matches()) {
            LocalDate anchor = m.group(1).equals("REF") && c.reference() != null ? c.reference() : c.documentDate();
            int n = m.group(3) == null ? 0 : Integer.parseInt(m.group(4)) * (m.group(3).equals("MINUS") ? -1 : 1);
            return shift(anchor, m.group(2), n) + m.group(5);
        }
        if ((m = WEEKDAY.matcher(value)).matches()) {
            DayOfWeek day = DayOfWeek.of(Integer.parseInt(m.group(1)));
            LocalDate anchor = c.narrativeDocument() && c.referenceHasDay() ? c.reference() : c.documentDate();
            LocalDate resolved = c.tense() == Tense.FUTURE
                    ? anchor.with(TemporalAdjusters.nextOrSame(day))
                    : anchor.with(TemporalAdjusters.previousOrSame(day));
            return resolved + m.group(2);
        }
        if ((m = NAMED.matcher(value)).matches()) {
            return named(m.group(1), m.group(2), m.group(3), c) + m.group(4);
        }
        if ((m = SAME_DAY.matcher(value)).matches()) {
            LocalDate day = c.sentenceDay() != null ? c.sentenceDay() : c.documentDate();
            return day + m.group(1);
        }
        return null;
    }

    private static String yearLeftOut(String monthOrSeason, String dayPart, String rest, Context c) {
        boolean season = !Character.isDigit(monthOrSeason.charAt(0));
        if (c.narrative() && c.reference() != null) {
            return c.reference().getYear() + "-" + monthOrSeason + (dayPart == null ? "" : dayPart) + rest;
        }
        LocalDate dct = c.documentDate();
        if (season) {
            return dct.getYear() + "-" + monthOrSeason + rest;
        }
        int month = Integer.parseInt(monthOrSeason);
        if (dayPart == null) {
            int year;
            if (c.tense() == Tense.FUTURE) {
                year = month >= dct.getMonthValue() ? dct.getYear() : dct.getYear() + 1;
            } else {
                year = month <= dct.getMonthValue() ? dct.getYear() : dct.getYear() - 1;
            }
            return YearMonth.of(year, month) + rest;
        }
        int day = Integer.parseInt(dayPart.substring(1));
        LocalDate resolved = dayNear(month, day, dct, c.tense());
        return resolved == null ? null : resolved + rest;
    }

    /**
     * The year of a day without one: by the tense the last (past) or next (future) such day;
     * otherwise the one within nine months before to three months after the document date.
     */
    static LocalDate dayNear(int month, int day, LocalDate dct, Tense tense) {
        LocalDate windowStart;
        LocalDate windowEnd;
        if (tense == Tense.FUTURE) {
            windowStart = dct.minusDays(7);
            windowEnd = dct.plusYears(1).minusDays(7);
        } else if (tense == Tense.PAST) {
            windowStart = dct.minusYears(1).plusDays(8);
            windowEnd = dct.plusDays(8);
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

    static String shift(LocalDate anchor, String unit, int n) {
        return switch (unit) {
            case "century" -> Integer.toString(Math.floorDiv(anchor.getYear(), 100) + n);
            case "decade" -> Integer.toString(Math.floorDiv(anchor.getYear(), 10) + n);
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
                }
                return year + "-Q" + quarter;
            }
            case "weekday" -> {
                DayOfWeek day = DayOfWeek.of(Integer.parseInt(what));
                return switch (which) {
                    case "last" -> dct.with(TemporalAdjusters.previous(day)).toString();
                    case "next" -> dct.with(TemporalAdjusters.next(day)).toString();
                    default -> dct.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .with(TemporalAdjusters.nextOrSame(day)).toString();
                };
            }
            case "month" -> {
                int month = Integer.parseInt(what);
                int year = switch (which) {
                    case "last" -> month < dct.getMonthValue() ? dct.getYear() : dct.getYear() - 1;
                    case "next" -> month > dct.getMonthValue() ? dct.getYear() : dct.getYear() + 1;
                    default -> dct.getYear();
                };
                return YearMonth.of(year, month).toString();
            }
            default -> {
                int startMonth = switch (what) {
                    case "SP" -> 3;
                    case "SU" -> 6;
                    case "FA" -> 9;
                    default -> 12;
                };
                int year = dct.getYear();
                int current = dct.getMonthValue();
                boolean begun = what.equals("WI") ? current <= 2 || current == 12 : current >= startMonth;
                if (which.equals("last")) {
                    boolean over = what.equals("WI") ? current >= 3 && current < 12 : current >= startMonth + 3;
                    year = over ? year : year - 1;
                    if (what.equals("WI") && over) {
                        year = dct.getYear();
                    }
                } else if (which.equals("next")) {
                    year = begun || current > startMonth ? year + 1 : year;
                }
                return year + "-" + what;
            }
        }
    }

    /** The first day of an absolute value (and how precise it is), used as the next reference. */
    static Matcher dated(String value) {
        Matcher m = DATED.matcher(value);
        return m.matches() ? m : null;
    }
}
