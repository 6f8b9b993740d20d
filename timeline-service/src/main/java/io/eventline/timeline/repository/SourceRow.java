package io.eventline.timeline.repository;

import java.time.Instant;

/** An article stating an event, read in one query for a whole page of events. */
public record SourceRow(Long eventId, String articleId, String title, String url, Instant publishedAt, String source) {
}
