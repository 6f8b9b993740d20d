package io.eventline.timeline.repository;

import io.eventline.timeline.MentionedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An event as the reads list it (pages, change feed, exports, key dates): its columns that a
 * {@code TimelineEvent} shows, and its place in the timeline order (start, end, first reported, id).
 */
public record EventRow(long id, String dateValue, String granularity, LocalDate start, LocalDate end, String text,
                       Instant firstReportedAt, int reportCount, int outletCount, List<MentionedEntity> entities) {
}
