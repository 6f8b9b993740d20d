package io.eventline.timeline.service;

import io.eventline.timeline.Article;
import io.eventline.timeline.EventMention;
import io.eventline.timeline.mapping.ArticleMessageMapper;
import io.eventline.timeline.messaging.ArticleMessage;
import io.eventline.timeline.messaging.ConsumerMetrics;
import io.eventline.timeline.repository.ConsumerRows;
import io.eventline.timeline.repository.DateBucketLocks;
import io.eventline.timeline.repository.EventChangeLog;
import io.eventline.timeline.repository.EventMentionRepository.Period;
import io.eventline.timeline.repository.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies article messages to the timeline. A message is applied only if its version is above the
 * one held for the article, so redelivered, repeated and late (older) messages change nothing: the
 * consumer can always retry a batch. Applying a version replaces the article's mentions and lets
 * {@link EventMerger} re-derive the events they leave and place the new ones among the events of other
 * articles; the change log gets the net effect, in the same transaction.
 */
@ApplicationScoped
public class ArticleService {

    public enum Outcome {
        /** The message changed the timeline. */
        APPLIED,
        /** The article already holds this version or a newer one. */
        STALE
    }

    private final ConsumerRows rows;
    private final EventRepository events;
    private final EventMerger merger;
    private final DateBucketLocks locks;
    private final EventChangeLog changeLog;
    private final ConsumerMetrics metrics;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock = Clock.systemUTC();

    ArticleService(ConsumerRows rows, EventRepository events, EventMerger merger, DateBucketLocks locks,
                   EventChangeLog changeLog, ConsumerMetrics metrics, TransactionSynchronizationRegistry transactions) {
        this.rows = rows;
        this.events = events;
        this.merger = merger;
        this.locks = locks;
        this.changeLog = changeLog;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    /**
     * Applies the messages in order, in one transaction, as long as its {@code budget} lasts: the first
     * message always, each next one only if the budget is not spent yet. Returns the outcomes of those
     * applied, the first of {@code messages}; the caller applies the rest in another transaction. So a
     * transaction (and the date locks it holds against other instances) stays short of the transaction
     * timeout however slow the machine is, instead of being rolled back when a large batch outlives it.
     */
    @Transactional
    public List<Outcome> applyAll(List<ArticleMessage> messages, Duration budget) {
        long started = System.nanoTime();
        // what needs no database is done on the other cores while this thread locks, reads and places
        try (FeaturesAhead features = merger.prepare(messages)) {
            // the locks of all the messages, though the budget may leave some to the next transaction: never fewer than needed
            TimelineWrite write = begin(messages);
            write.features = features;
            List<Outcome> outcomes = new ArrayList<>(messages.size());
            for (ArticleMessage message : messages) {
                if (!outcomes.isEmpty() && System.nanoTime() - started > budget.toNanos()) {
                    break;
                }
                outcomes.add(applyInCurrentTransaction(message, write));
            }
            finish(write);
            return outcomes;
        }
    }

    /** Applies one message in its own transaction. */
    @Transactional
    public Outcome apply(ArticleMessage message) {
        TimelineWrite write = begin(List.of(message));
        Outcome outcome = applyInCurrentTransaction(message, write);
        finish(write);
        return outcome;
    }

    /**
     * Locks the messages' articles (in id order) and reads their versions, then takes, all at once and
     * in a fixed order, the date locks of every period the messages will touch: their new mentions' and
     * the mentions their articles hold now (whose events they will re-derive). The article locks come
     * first: then no other instance can change those mentions until this transaction ends (it would
     * apply one of these articles, which waits for its lock), so the periods read are the ones to lock.
     */
    private TimelineWrite begin(List<ArticleMessage> messages) {
        Set<String> articleIds = new HashSet<>();
        List<Period> placements = new ArrayList<>();
        for (ArticleMessage message : messages) {
            articleIds.add(message.articleId());
            placements.addAll(periodsOf(message));
        }
        TimelineWrite write = new TimelineWrite(clock.instant(), rows, placements.size());
        write.placements.addAll(placements);
        Set<Period> periods = new HashSet<>(placements);
        write.versions.putAll(rows.lockArticles(articleIds));
        periods.addAll(rows.mentionPeriodsOf(articleIds));
        locks.lock(write.locks, periods);
        return write;
    }

    /**
     * Writes the rows the messages changed (held until now, so that an event changed by many of them is
     * written once), refreshes the search vectors of those events, once per transaction (nothing
     * reads them before it commits), appends the change log (last: see {@link EventChangeLog#append})
     * and counts merges once committed.
     */
    private void finish(TimelineWrite write) {
        write.flush();
        events.updateSearch(write.takeTouched());
        changeLog.append(write.changes(), write.now);
        int merged = write.duplicatesMerged();
        if (merged > 0) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        metrics.duplicatesMerged(merged);
                    }
                }
            });
        }
    }

    private Outcome applyInCurrentTransaction(ArticleMessage message, TimelineWrite write) {
        Long held = write.versions.get(message.articleId());
        if (held != null && message.version() <= held) {
            return Outcome.STALE;
        }
        Article article = new Article();
        article.id = message.articleId();
        // the periods of its mentions are locked already: begin() read them under the article's lock
        List<Long> formerEvents = List.of();
        if (held != null) {
            write.flush();   // the delete, and the re-derivation's reads, must see what the transaction changed so far
            formerEvents = rows.deleteMentionsOf(article.id);
        }
        List<EventMention> added = List.of();
        switch (message.kind()) {
            case ARTICLE_VERSION -> {
                ArticleMessageMapper.copyVersion(message, article, write.now);
                added = new ArrayList<>();
                for (int i = 0; i < message.events().size(); i++) {
                    added.add(ArticleMessageMapper.toMention(message.events().get(i), i, article));
                }
            }
            case ARTICLE_RETRACTED -> {
                // keep the row and its version: it is what turns away an older version arriving late
                article.version = message.version();
                article.retracted = true;
                article.acceptedAt = message.acceptedAt();
                article.appliedAt = write.now;
            }
        }
        if (held == null) {
            write.rows.articleAdded(article);
        } else {
            write.rows.articleChanged(article);
        }
        write.versions.put(article.id, article.version);
        merger.rederive(write, formerEvents);
        merger.place(write, added);
        merger.removeVacant(write);
        return Outcome.APPLIED;
    }

    private static List<Period> periodsOf(ArticleMessage message) {
        if (message.events() == null) {
            return List.of();
        }
        return message.events().stream().map(e -> new Period(e.date().start(), e.date().end())).toList();
    }
}
