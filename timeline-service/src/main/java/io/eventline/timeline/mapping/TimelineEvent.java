package io.eventline.timeline.mapping;

import io.eventline.timeline.MentionedEntity;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    public record Date(
            @Schema(description = "TimeML value as stated: 2025-02-19, 2025-02, 198 (the 1980s), 1914-04/1914-11, BC0490 (490 BC)")
            String value,
            String granularity,
            @Schema(type = SchemaType.STRING, description = DAY + "; the first day covered", examples = "-0489-01-01")
            LocalDate start,
            @Schema(type = SchemaType.STRING, description = DAY + "; the last day covered", examples = "-0489-12-31")
            LocalDate end) {

        private static final String DAY = "An ISO-8601 day of the proleptic Gregorian calendar, YYYY-MM-DD; a year before"
                + " AD 1 has a sign (expanded form): 0000 is 1 BC, -0489-01-01 is 1 January 490 BC";
    }

    /** An article that states the event. */
    public record Source(String articleId, String title, String url, Instant publishedAt, String source) {
    }
}
