package io.eventline.ingest.extraction;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an event happened, at its own granularity: {@code start} and {@code end} are the first and
 * last day covered (inclusive), so "April 1914" covers 1914-04-01..1914-04-30 and is still a month.
 *
 * @param value       the TimeML value ({@code 2025-02-03}, {@code 1914-04}, {@code 193}, {@code 1914-04/1914-11},
 *                    {@code BC0480}, {@code 2025-02-19T15:00} (dates its day))
 * @param granularity how precise the value is
 * @param start       first day covered
 * @param end         last day covered
 */
public record EventDate(String value, Granularity granularity, LocalDate start, LocalDate end) {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** A time of day or a part of a day ("2025-02-19T15:00", "2025-02-19TNI") dates its day. */
    private static final Pattern DAY_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(?:(?:[01]\\d|2[0-4])(?::[0-5]\\d){0,2}|MO|MI|AF|EV|NI|DT)");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern WEEKEND = Pattern.compile("(\\d{4})-W(\\d{2})-WE");
    /** Years before Christ: BC0480 is 480 BC, the proleptic ISO year -479. */
    private static final Pattern YEAR_BC = Pattern.compile("BC(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DECADE = Pattern.compile("\\d{3}");
    private static final Pattern CENTURY = Pattern.compile("\\d{2}");

    public EventDate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a date cannot end before it starts: " + value);
        }
    }

    /**
     * The date a TimeML value stands for.
     *
     * @throws IllegalArgumentException if the value is not a calendar value this class understands
     */
    public static EventDate fromValue(String value) {
        Objects.requireNonNull(value, "value");
        try {
            return parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a calendar value: " + value, e);
        }
    }

    private static EventDate parse(String value) {
        int slash = value.indexOf('/');
        if (slash > 0) {
            EventDate from = fromValue(value.substring(0, slash));
            EventDate to = fromValue(value.substring(slash + 1));
            return new EventDate(value, Granularity.INTERVAL, from.start(), to.end());
        }
        Matcher m;
        if ((m = DAY.matcher(value)).matches()) {
            LocalDate day = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
            return new EventDate(value, Granularity.DAY, day, day);
        }
        if ((m = DAY_TIME.matcher(value)).matches()) {
            LocalDate day = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
            return new EventDate(value, Granularity.DAY, day, day);
        }
        if ((m = WEEKEND.matcher(value)).matches()) {
            LocalDate saturday = monday(number(m, 1), number(m, 2)).plusDays(5);
            return new EventDate(value, Granularity.WEEK, saturday, saturday.plusDays(1));
        }
        if ((m = YEAR_BC.matcher(value)).matches()) {
            int year = 1 - number(m, 1);
            return new EventDate(value, Granularity.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = WEEK.matcher(value)).matches()) {
            LocalDate monday = monday(number(m, 1), number(m, 2));
            return new EventDate(value, Granularity.WEEK, monday, monday.plusDays(6));
        }
        if ((m = MONTH.matcher(value)).matches()) {
            YearMonth month = YearMonth.of(number(m, 1), number(m, 2));
            return new EventDate(value, Granularity.MONTH, month.atDay(1), month.atEndOfMonth());
        }
        if ((m = QUARTER.matcher(value)).matches()) {
            YearMonth first = YearMonth.of(number(m, 1), (number(m, 2) - 1) * 3 + 1);
            return new EventDate(value, Granularity.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        if ((m = SEASON.matcher(value)).matches()) {
            return season(value, number(m, 1), m.group(2));
        }
        if (YEAR.matcher(value).matches()) {
            int year = Integer.parseInt(value);
            return new EventDate(value, Granularity.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (DECADE.matcher(value).matches()) {
            int first = Integer.parseInt(value) * 10;
            return new EventDate(value, Granularity.DECADE, LocalDate.of(first, 1, 1), LocalDate.of(first + 9, 12, 31));
        }
        if (CENTURY.matcher(value).matches()) {
            int first = Integer.parseInt(value) * 100;
            return new EventDate(value, Granularity.CENTURY, LocalDate.of(first, 1, 1), LocalDate.of(first + 99, 12, 31));
        }
        throw new IllegalArgumentException("not a calendar value: " + value);
    }

    /** Meteorological seasons of the northern hemisphere; winter starts in December of the year before. */
    private static EventDate season(String value, int year, String season) {
        YearMonth first = switch (season) {
            case "SP" -> YearMonth.of(year, 3);
            case "SU" -> YearMonth.of(year, 6);
            case "FA" -> YearMonth.of(year, 9);
            default -> YearMonth.of(year - 1, 12);
        };
        return new EventDate(value, Granularity.SEASON, first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    private static LocalDate monday(int year, int week) {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
