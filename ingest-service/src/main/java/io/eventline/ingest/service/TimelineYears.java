package io.eventline.ingest.service;

/**
 * The years the timelines hold. Events: ISO-8601 years in the proleptic Gregorian calendar (0 is
 * 1 BC, -489 is 490 BC) from -4712 (4713 BC, the first whole year of timeline-service's PostgreSQL
 * {@code date}) to 9999, as the message contract's dates and timeline-service's {@code from}/{@code to}
 * take them; an event outside them (the tagger reads up to "9999 BC") is not published.
 * Publication dates: years 1 to 9999, since an article is not published before AD 1, and
 * timeline-service stores its publication time as a timestamp; an article outside them is a 400
 * rather than a 202 whose message is then dead-lettered.
 */
public final class TimelineYears {

    public static final int FIRST = 1;
    public static final int LAST = 9999;
    public static final int FIRST_EVENT_YEAR = -4712;

    private TimelineYears() {
    }

    /** Whether an article may be published in this year. */
    public static boolean contain(int year) {
        return year >= FIRST && year <= LAST;
    }

    /** Whether an event in this year can be on a timeline. */
    public static boolean containEvent(int year) {
        return year >= FIRST_EVENT_YEAR && year <= LAST;
    }
}
