package io.eventline.ingest.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventline.ingest.extraction.DatedEvent;
import io.eventline.ingest.extraction.EventEntity;
import io.eventline.ingest.extraction.TemporalExpression;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One message of the articles topic, shaped exactly as {@code contract/article-message.schema.json}
 * describes it. Dates are written as strings here, not left to the JSON mapper's settings, so the
 * contract cannot change by accident.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleMessage(int schemaVersion, MessageKind kind, String articleId, long version, String acceptedAt,
                             Article article, List<Event> events, String extractor) {

    public static final int SCHEMA_VERSION = 1;

    /** A new version of an article with its events. */
    public static ArticleMessage articleVersion(long version, Article article, List<Event> events, String extractor) {
        return new ArticleMessage(SCHEMA_VERSION, MessageKind.ARTICLE_VERSION, article.id(), version,
                acceptedAt(version), article, List.copyOf(events), extractor);
    }

    /** The retraction of an article. */
    public static ArticleMessage retraction(String articleId, long version) {
        return new ArticleMessage(SCHEMA_VERSION, MessageKind.ARTICLE_RETRACTED, articleId, version,
                acceptedAt(version), null, null, null);
    }

    /** The acceptance time the version stands for, so the two can never disagree. */
    private static String acceptedAt(long versionMicros) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(versionMicros, 1_000_000L),
                Math.floorMod(versionMicros, 1_000_000L) * 1_000L);
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Article(String id, String url, String title, String publishedAt, String source,
                          List<String> authors, String language, String contentHash) {

        public static Article of(String id, String url, String title, OffsetDateTime publishedAt, String source,
                                 List<String> authors, String language, String contentHash) {
            // RFC 3339 wants seconds, which OffsetDateTime.toString() drops when they are zero
            return new Article(id, url, title, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(publishedAt), source,
                    authors == null ? null : List.copyOf(authors), language, contentHash);
        }
    }

    /** An event; {@code clause} (optional in the schema) is the part of the sentence the event was built from. */
    public record Event(Date date, String text, Expression expression, Sentence sentence, List<Entity> entities,
                        double confidence, Sentence clause) {

        public static Event of(DatedEvent event) {
            return new Event(
                    new Date(event.date().value(), event.date().granularity().code(),
                            event.date().start().toString(), event.date().end().toString()),
                    event.text(),
                    Expression.of(event.expression()),
                    new Sentence(event.sentence().start(), event.sentence().end()),
                    event.entities().stream().map(Entity::of).toList(),
                    event.confidence(),
                    new Sentence(event.clause().start(), event.clause().end()));
        }
    }

    public record Date(String value, String granularity, String start, String end) {
    }

    public record Expression(String text, String type, String value, int start, int end, String rule) {

        public static Expression of(TemporalExpression expression) {
            return new Expression(expression.text(), expression.type().name(), expression.value(),
                    expression.start(), expression.end(), expression.rule());
        }
    }

    public record Sentence(int start, int end) {
    }

    public record Entity(String text, String type) {

        static Entity of(EventEntity entity) {
            return new Entity(entity.text(), entity.kind().name());
        }
    }
}
