package io.eventline.timeline.repository;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One article's statement of an event (a mention with its article), read in one query for a whole
 * page of events: the article, what it said, where in its text, and the date as it stated it.
 */
public record SourceRow(Long eventId, String articleId, String title, String url, Instant publishedAt, String source,
                        String text, String dateValue, String granularity, LocalDate start, LocalDate end,
                        int sentenceStart, int sentenceEnd, String expressionText, int expressionStart,
                        int expressionEnd) {
}
