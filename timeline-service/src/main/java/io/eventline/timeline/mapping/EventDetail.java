package io.eventline.timeline.mapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.eventline.timeline.MentionedEntity;

import java.time.Instant;
import java.util.List;

/**
 * One event with everything each of its sources said: {@link TimelineEvent}'s fields, and per report
 * the article, the sentence, where it is in the article's text, and the date as that article stated it.
 * {@code version} (not shown) makes its ETag.
 */
public record EventDetail(String id, TimelineEvent.Date date, String text, List<MentionedEntity> entities,
                          int reportCount, int outletCount, Instant firstReportedAt, List<Source> sources,
                          @JsonIgnore long version) {

    /**
     * One article's report of the event.
     *
     * @param text       the sentence (or clause) of the article that reports it
     * @param statedDate the date as this article stated it (the event's date is the narrowest of these)
     * @param sentence   character offsets of the sentence in the article's normalized text
     * @param expression the temporal expression that dated it, and its offsets
     */
    public record Source(String articleId, String title, String url, Instant publishedAt, String source, String text,
                         TimelineEvent.Date statedDate, Span sentence, Expression expression) {
    }

    public record Span(int start, int end) {
    }

    public record Expression(String text, int start, int end) {
    }
}
