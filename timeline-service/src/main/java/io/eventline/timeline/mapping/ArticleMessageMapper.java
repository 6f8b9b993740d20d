package io.eventline.timeline.mapping;

import io.eventline.timeline.Article;
import io.eventline.timeline.EventDate;
import io.eventline.timeline.EventMention;
import io.eventline.timeline.MentionedEntity;
import io.eventline.timeline.TemporalExpression;
import io.eventline.timeline.messaging.ArticleMessage;

import java.time.Instant;
import java.util.List;

/** Copies an article message onto the timeline's entities. */
public final class ArticleMessageMapper {

    private ArticleMessageMapper() {
    }

    /** The article's metadata and version, as of an ARTICLE_VERSION message. */
    public static void copyVersion(ArticleMessage message, Article article, Instant now) {
        ArticleMessage.Article source = message.article();
        article.version = message.version();
        article.retracted = false;
        article.url = source.url();
        article.title = source.title();
        article.publishedAt = source.publishedAt();
        article.source = source.source();
        article.language = source.language();
        article.contentHash = source.contentHash();
        article.extractor = message.extractor();
        article.acceptedAt = message.acceptedAt();
        article.appliedAt = now;
    }

    /** The mention of the message's {@code ordinal}-th event, not yet attached to an event. */
    public static EventMention toMention(ArticleMessage.Event source, int ordinal, Article article) {
        EventMention mention = new EventMention();
        mention.article = article;
        mention.ordinal = ordinal;
        mention.text = source.text();
        mention.date = toEventDate(source.date());
        mention.expression = toExpression(source.expression());
        mention.sentenceStart = source.sentence().start();
        mention.sentenceEnd = source.sentence().end();
        mention.entities = entitiesOf(source);
        mention.confidence = source.confidence();
        return mention;
    }

    /** The entities of an event as a mention keeps them. */
    public static List<MentionedEntity> entitiesOf(ArticleMessage.Event source) {
        return source.entities() == null ? List.of() : source.entities().stream()
                .map(e -> new MentionedEntity(e.text(), e.type()))
                .toList();
    }

    private static EventDate toEventDate(ArticleMessage.EventDate date) {
        return new EventDate(date.value(), date.granularity(), date.start(), date.end());
    }

    private static TemporalExpression toExpression(ArticleMessage.Expression source) {
        TemporalExpression expression = new TemporalExpression();
        expression.text = source.text();
        expression.type = source.type();
        expression.value = source.value();
        expression.start = source.start();
        expression.end = source.end();
        expression.rule = source.rule();
        return expression;
    }
}
