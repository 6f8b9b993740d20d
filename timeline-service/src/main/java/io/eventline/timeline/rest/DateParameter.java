package io.eventline.timeline.rest;

import io.eventline.timeline.EventDate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code from}/{@code to} value: a year, a month or a day. A bound covers its whole period, so
 * {@code from=2025} starts on 1 January and {@code to=2025-02} ends on the last day of February.
 *
 * <p>Years before AD 1 in either of two forms: ISO-8601's expanded year with a minus sign, in the
 * proleptic Gregorian calendar the events are dated in, where 0000 is 1 BC and {@code -0489} is 490 BC
 * (also {@code -0489-03}, {@code -0489-03-15}); or the TimeML value of a year before Christ,
 * {@code BC0490}, as the event's own {@code date.value} shows it. Years run from -4712 (4713 BC) to 9999,
 * those of {@link EventDate}.
 */
record DateParameter(LocalDate first, LocalDate last) {

    static final String FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (years before AD 1: -YYYY..., where 0000 is 1 BC and -0489 is 490 BC;"
            + " or BCYYYY, e.g. BC0490; from 4713 BC to 9999)";

    private static final Pattern ISO = Pattern.compile("(-?\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern TIMEX_BC = Pattern.compile("BC(\\d{4})");

    /** @throws IllegalArgumentException when {@code text} is none of {@link #FORMS}, or no such date */
    static DateParameter parse(String text) {
        Matcher bc = TIMEX_BC.matcher(text);
        if (bc.matches()) {
            int yearsBeforeChrist = Integer.parseInt(bc.group(1));
            if (yearsBeforeChrist == 0) {
                throw new IllegalArgumentException("'" + text + "' is not a year: there is no year 0 BC (1 BC is BC0001)");
            }
            return ofYear(text, 1 - yearsBeforeChrist);
        }
        Matcher matcher = ISO.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date: use " + FORMS);
        }
        if (text.startsWith("-0000")) {
            throw new IllegalArgumentException("'" + text + "' is not a year: 1 BC is 0000, without a sign");
        }
        try {
            int year = year(text, Integer.parseInt(matcher.group(1)));
            if (matcher.group(2) == null) {
                return ofYear(text, year);
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(matcher.group(2)));
            if (matcher.group(3) == null) {
                return new DateParameter(month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = month.atDay(Integer.parseInt(matcher.group(3)));
            return new DateParameter(day, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid date", e);
        }
    }

    private static DateParameter ofYear(String text, int year) {
        Year y = Year.of(year(text, year));
        return new DateParameter(y.atDay(1), y.atMonth(12).atEndOfMonth());
    }

    private static int year(String text, int year) {
        if (year < EventDate.FIRST_YEAR || year > EventDate.LAST_YEAR) {
            throw new IllegalArgumentException("'" + text + "' is outside the timeline's years, 4713 BC (-4712) to 9999");
        }
        return year;
    }
}
