package io.eventline.timeline.repository;

import io.eventline.timeline.Event;
import io.eventline.timeline.TimelineCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class EventRepository implements PanacheRepository<Event> {

    // An event is on the timeline while an article that is not retracted mentions it.
    private static final String VISIBLE = """
            exists (select 1 from EventMention m join m.article a
                    where m.event = e and a.retracted = false)""";

    /** Deletes those of the given events that no mention refers to any more. */
    public long deleteUnmentioned(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        return getEntityManager().createQuery("""
                        delete from Event e
                        where e.id in :ids
                          and not exists (select 1 from EventMention m where m.event = e)""")
                .setParameter("ids", eventIds)
                .executeUpdate();
    }

    public Optional<Event> findVisible(long id) {
        return getEntityManager().createQuery("select e from Event e where e.id = :id and " + VISIBLE, Event.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /**
     * Up to {@code limit} visible events in timeline order (start, end, id) whose [start, end]
     * overlaps [from, to] (either bound may be null: open), after {@code after} when given.
     */
    public List<Event> timeline(LocalDate from, LocalDate to, TimelineCursor after, int limit) {
        StringBuilder jpql = new StringBuilder("select e from Event e where ").append(VISIBLE);
        Map<String, Object> parameters = new HashMap<>();
        if (from != null) {
            jpql.append(" and e.date.end >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            jpql.append(" and e.date.start <= :to");
            parameters.put("to", to);
        }
        if (after != null) {
            // keyset: strictly after (start, end, id), spelled out to use the (start, end, id) index
            jpql.append(" and (e.date.start > :afterStart")
                    .append(" or (e.date.start = :afterStart")
                    .append(" and (e.date.end > :afterEnd or (e.date.end = :afterEnd and e.id > :afterId))))");
            parameters.put("afterStart", after.start());
            parameters.put("afterEnd", after.end());
            parameters.put("afterId", after.id());
        }
        jpql.append(" order by e.date.start, e.date.end, e.id");
        TypedQuery<Event> query = getEntityManager().createQuery(jpql.toString(), Event.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }
}
