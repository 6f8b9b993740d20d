package io.eventline.timeline.mapping;

import java.util.List;

/**
 * One of a timeline's key dates: its rank (1 = the most important), the date, and the date's most
 * important event as the timeline lists it.
 */
public record KeyDate(int rank, TimelineEvent.Date date, TimelineEvent event) {

    /** The answer of {@code view=key-dates}: the key dates, most important first. */
    public record KeyDates(List<KeyDate> keyDates) {
    }
}
