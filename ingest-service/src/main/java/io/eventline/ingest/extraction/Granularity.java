package io.eventline.ingest.extraction;

import java.util.Locale;

/**
 * How precise an {@link EventDate} is. A date keeps its own granularity: a year is never widened
 * to a fake first-of-January, so a timeline can show "1846" rather than "1846-01-01".
 */
public enum Granularity {
    DAY, WEEK, MONTH, QUARTER, SEASON, YEAR, DECADE, CENTURY, INTERVAL;

    /** The lower-case name used in the message contract ({@code "day"}, {@code "decade"}, ...). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
