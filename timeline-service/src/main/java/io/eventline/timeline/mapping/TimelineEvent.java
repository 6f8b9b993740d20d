package io.eventline.timeline.mapping;

import io.eventline.timeline.MentionedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An event as a timeline page lists it.
 *
 * @param id              an opaque identifier (a string, so it may change form without breaking clients)
 * @param date            the merged date: the narrowest date its reports agree on
 * @param text            the representative report's text
 * @param entities        the union of its reports' named entities
 * @param reportCount     how many reports (mentions) it merges
 * @param outletCount     how many distinct outlets reported it
 * @param firstReportedAt the earliest publication time of its reports
 * @param sources         the articles that report it, first published first
 */
public record TimelineEvent(String id, Date date, String text, List<MentionedEntity> entities, int reportCount,
                            int outletCount, Instant firstReportedAt, List<Source> sources) {

    /** A date at its own granularity; start and end are the first and last day covered. */
    public record Date(String value, String granularity, LocalDate start, LocalDate end) {
    }

    /** An article that states the event. */
    public record Source(String articleId, String title, String url, Instant publishedAt, String source) {
    }
}
