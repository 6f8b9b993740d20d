package io.eventline.timeline.repository;

import io.eventline.timeline.EventMention;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class EventMentionRepository implements PanacheRepository<EventMention> {

    /** A period some mention covers, first and last day inclusive. */
    public record Period(LocalDate start, LocalDate end) {
    }

    /** Ids of the events the article mentions. */
    public List<Long> eventIdsOf(String articleId) {
        return getEntityManager()
                .createQuery("select distinct m.event.id from EventMention m where m.article.id = :articleId", Long.class)
                .setParameter("articleId", articleId)
                .getResultList();
    }

    /** The distinct periods of the mentions the given articles hold now: what applying them will touch. */
    public List<Period> periodsOf(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select distinct m.date.start, m.date.end
                        from EventMention m where m.article.id in :articleIds""", Object[].class)
                .setParameter("articleIds", articleIds)
                .getResultStream()
                .map(row -> new Period((LocalDate) row[0], (LocalDate) row[1]))
                .toList();
    }

    public long deleteByArticle(String articleId) {
        return delete("article.id", articleId);
    }

    /**
     * The ids of the mentions of the given events, each with its event's id, in mention id order. The ids
     * go as one text parameter: an {@code in} list would make Hibernate translate the query again for
     * each new list length, which costs more than the query on a busy neighbourhood.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, Long> idsOfEvents(Collection<Long> eventIds) {
        Map<Long, Long> eventOf = new LinkedHashMap<>();
        if (eventIds.isEmpty()) {
            return eventOf;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select m.id, m.event_id from event_mention m
                        where m.event_id = any(cast(string_to_array(:eventIds, ',') as bigint[])) order by m.id""", Object[].class)
                .setParameter("eventIds", eventIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .getResultList();
        rows.forEach(row -> eventOf.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return eventOf;
    }

    /** The given mentions with their articles (outlet, publication time), in id order. */
    public List<EventMention> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select m from EventMention m join fetch m.article
                        where m.id in :ids order by m.id""", EventMention.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /**
     * The articles that state each of the given events, for the events' sources. Retracted
     * articles are left out (they have no mentions anyway, but a source must never be one).
     */
    public List<SourceRow> sourcesOf(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select new io.eventline.timeline.repository.SourceRow(
                            m.event.id, a.id, a.title, a.url, a.publishedAt, a.source, m.text,
                            m.date.value, m.date.granularity, m.date.start, m.date.end,
                            m.sentenceStart, m.sentenceEnd, m.expression.text, m.expression.start, m.expression.end)
                        from EventMention m join m.article a
                        where m.event.id in :eventIds and a.retracted = false
                        order by m.event.id, a.publishedAt, a.id, m.ordinal
                        """, SourceRow.class)
                .setParameter("eventIds", eventIds)
                .getResultList();
    }
}
