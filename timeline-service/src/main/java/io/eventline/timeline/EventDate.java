package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/**
 * A date at its own granularity (a day, a month, a decade, an interval...), never widened to a fake
 * day: {@code start} and {@code end} are the first and last day it covers, inclusive.
 */
@Embeddable
public class EventDate {

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

    public EventDate copy() {
        return new EventDate(value, granularity, start, end);
    }
}
