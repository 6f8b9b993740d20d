package io.eventline.timeline.dedup;

import io.eventline.timeline.MentionedEntity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One article's report of a dated event: what the article message says about it, and where. The
 * deduplication reads the date, the text and the entities; the rest is kept so that a merged event
 * can list every source.
 *
 * @param mentionId     unique and stable identity of the mention (e.g. its database id, or
 *                      {@code articleId + "#" + ordinal}); the last tie-breaker of the canonical order
 * @param sentenceStart character offsets of the sentence in the article's normalized text
 */
public record Report(
        String mentionId,
        String articleId,
        String outlet,
        Instant publishedAt,
        int sentenceStart,
        int sentenceEnd,
        ReportedDate date,
        String text,
        List<MentionedEntity> entities) {

    /**
     * The order in which reports are considered when events are built: first published first (the
     * event takes the shape its first reporters gave it), then article id, then mention id. A total
     * order on distinct mention ids, so any permutation of the same reports sorts the same way.
     */
    public static final Comparator<Report> CANONICAL_ORDER = Report::canonicalCompare;

    /**
     * {@link #CANONICAL_ORDER} written out rather than chained from key extractors: the consumer compares
     * a new report with every report of its neighbourhood, and a chain of lambdas costs several times more.
     */
    private static int canonicalCompare(Report a, Report b) {
        int order = a.publishedAt.compareTo(b.publishedAt);
        if (order == 0) {
            order = a.articleId.compareTo(b.articleId);
        }
        return order != 0 ? order : a.mentionId.compareTo(b.mentionId);
    }

    public Report {
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
