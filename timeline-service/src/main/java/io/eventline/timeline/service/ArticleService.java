package io.eventline.timeline.service;

import io.eventline.timeline.Article;
import io.eventline.timeline.Event;
import io.eventline.timeline.EventMention;
import io.eventline.timeline.mapping.ArticleMessageMapper;
import io.eventline.timeline.messaging.ArticleMessage;
import io.eventline.timeline.repository.ArticleRepository;
import io.eventline.timeline.repository.EventMentionRepository;
import io.eventline.timeline.repository.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies article messages to the timeline. A message is applied only if its version is above the
 * one held for the article, so redelivered, repeated and late (older) messages change nothing: the
 * consumer can always retry a batch.
 */
@ApplicationScoped
public class ArticleService {

    public enum Outcome {
        /** The message changed the timeline. */
        APPLIED,
        /** The article already holds this version or a newer one. */
        STALE
    }

    private final ArticleRepository articles;
    private final EventRepository events;
    private final EventMentionRepository mentions;
    private final Clock clock = Clock.systemUTC();

    ArticleService(ArticleRepository articles, EventRepository events, EventMentionRepository mentions) {
        this.articles = articles;
        this.events = events;
        this.mentions = mentions;
    }

    /** Applies the messages in order, all in one transaction. */
    @Transactional
    public List<Outcome> applyAll(List<ArticleMessage> messages) {
        List<Outcome> outcomes = new ArrayList<>(messages.size());
        for (ArticleMessage message : messages) {
            outcomes.add(applyInCurrentTransaction(message));
        }
        return outcomes;
    }

    /** Applies one message in its own transaction. */
    @Transactional
    public Outcome apply(ArticleMessage message) {
        return applyInCurrentTransaction(message);
    }

    private Outcome applyInCurrentTransaction(ArticleMessage message) {
        Article article = articles.findForUpdate(message.articleId()).orElse(null);
        if (article != null && message.version() <= article.version) {
            return Outcome.STALE;
        }
        List<Long> formerEvents = List.of();
        if (article == null) {
            article = new Article();
            article.id = message.articleId();
        } else {
            formerEvents = mentions.eventIdsOf(article.id);
            mentions.deleteByArticle(article.id);
        }
        Instant now = clock.instant();
        switch (message.kind()) {
            case ARTICLE_VERSION -> {
                ArticleMessageMapper.copyVersion(message, article, now);
                persistIfNew(article);
                addMentions(message, article);
            }
            case ARTICLE_RETRACTED -> {
                // keep the row and its version: it is what turns away an older version arriving late
                article.version = message.version();
                article.retracted = true;
                article.acceptedAt = message.acceptedAt();
                article.appliedAt = now;
                persistIfNew(article);
            }
        }
        events.deleteUnmentioned(formerEvents);
        // write now and forget the entities, so a batch of many articles keeps a small session
        articles.flush();
        articles.getEntityManager().clear();
        return Outcome.APPLIED;
    }

    private void persistIfNew(Article article) {
        if (!articles.isPersistent(article)) {
            articles.persist(article);
        }
    }

    private void addMentions(ArticleMessage message, Article article) {
        for (int i = 0; i < message.events().size(); i++) {
            EventMention mention = ArticleMessageMapper.toMention(message.events().get(i), i, article);
            // one event per mention until cross-article deduplication attaches mentions to existing events
            Event event = new Event();
            event.date = mention.date.copy();
            event.text = mention.text;
            events.persist(event);
            mention.event = event;
            mentions.persist(mention);
        }
    }
}
