package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/**
 * A date at its own granularity (a day, a month, a decade, an interval...), never widened to a fake
 * day: {@code start} and {@code end} are the first and last day it covers, inclusive, in the proleptic
 * Gregorian calendar with ISO years: year 0 is 1 BC, -489 is 490 BC ({@code package-info} says how
 * they reach the database).
 */
@Embeddable
public class EventDate {

    /**
     * The first year of the timeline, 4713 BC: the first whole year of PostgreSQL's {@code date} type,
     * which starts on 24 November 4714 BC (Julian day 0).
     */
    public static final int FIRST_YEAR = -4712;
    /** The last year of the timeline: the last of four-digit ISO years. */
    public static final int LAST_YEAR = 9999;

    /** TimeML value, e.g. {@code 2025-02-19}, {@code 2025-02}, {@code 198}, {@code 1914-04/1914-11}. */
    @Column(name = "date_value", nullable = false)
    public String value;

    @Column(nullable = false)
    public String granularity;

    @Column(name = "start_date", nullable = false)
    public LocalDate start;

    @Column(name = "end_date", nullable = false)
    public LocalDate end;

    public EventDate() {
    }

    public EventDate(String value, String granularity, LocalDate start, LocalDate end) {
        this.value = value;
        this.granularity = granularity;
        this.start = start;
        this.end = end;
    }

    /** Whether the timeline can hold this day. */
    public static boolean holds(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    public EventDate copy() {
        return new EventDate(value, granularity, start, end);
    }
}
