package io.eventline.timeline.rest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code from}/{@code to} value: a year, a month or a day. A bound covers its whole period, so
 * {@code from=2025} starts on 1 January and {@code to=2025-02} ends on the last day of February.
 */
record DateParameter(LocalDate first, LocalDate last) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** @throws IllegalArgumentException when {@code text} is not YYYY, YYYY-MM or YYYY-MM-DD, or no such date */
    static DateParameter parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (matcher.group(2) == null) {
                Year y = Year.of(year);
                return new DateParameter(y.atDay(1), y.atMonth(12).atEndOfMonth());
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
}
