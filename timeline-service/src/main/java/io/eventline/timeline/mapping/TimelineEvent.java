package io.eventline.timeline.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An event as the API returns it.
 *
 * @param id an opaque identifier (a string, so it may change form without breaking clients)
 */
public record TimelineEvent(String id, Date date, String text, List<Source> sources) {

    /** The date at its own granularity; start and end are the first and last day covered. */
    public record Date(String value, String granularity, LocalDate start, LocalDate end) {
    }

    /** An article that states the event. */
    public record Source(String articleId, String title, String url, Instant publishedAt, String source) {
    }
}
