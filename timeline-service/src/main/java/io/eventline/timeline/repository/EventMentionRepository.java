package io.eventline.timeline.repository;

import io.eventline.timeline.EventMention;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class EventMentionRepository implements PanacheRepository<EventMention> {

    /** Ids of the events the article mentions. */
    public List<Long> eventIdsOf(String articleId) {
        return getEntityManager()
                .createQuery("select distinct m.event.id from EventMention m where m.article.id = :articleId", Long.class)
                .setParameter("articleId", articleId)
                .getResultList();
    }

    public long deleteByArticle(String articleId) {
        return delete("article.id", articleId);
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
                            m.event.id, a.id, a.title, a.url, a.publishedAt, a.source)
                        from EventMention m join m.article a
                        where m.event.id in :eventIds and a.retracted = false
                        order by m.event.id, a.publishedAt, a.id, m.ordinal
                        """, SourceRow.class)
                .setParameter("eventIds", eventIds)
                .getResultList();
    }
}
