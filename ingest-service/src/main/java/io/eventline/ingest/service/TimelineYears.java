package io.eventline.ingest.service;

/**
 * The years the timelines hold: 1 to 9999, the four-digit years of ISO-8601 without expansion.
 * timeline-service's database refuses dates in the year 0 and before (PostgreSQL has no year 0, and
 * the JDBC binding of {@code LocalDate} mangles BC dates) and timestamps past its range; an article
 * carrying one was accepted with a 202 and then dead-lettered whole. So a publication date outside
 * these years is a 400, and an event dated outside them (a "500 BC" in the text) is not published.
 */
public final class TimelineYears {

    public static final int FIRST = 1;
    public static final int LAST = 9999;

    private TimelineYears() {
    }

    public static boolean contain(int year) {
        return year >= FIRST && year <= LAST;
    }
}
