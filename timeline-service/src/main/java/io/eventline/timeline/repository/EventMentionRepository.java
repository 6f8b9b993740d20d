package io.eventline.timeline.repository;

import io.eventline.timeline.EventMention;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class EventMentionRepository implements PanacheRepository<EventMention> {

    /** A period some mention covers, first and last day inclusive. */
    public record Period(LocalDate start, LocalDate end) {
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
