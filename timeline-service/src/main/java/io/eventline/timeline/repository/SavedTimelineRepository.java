package io.eventline.timeline.repository;

import io.eventline.timeline.SavedTimeline;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

/** Saved timelines, in id order (creation order: stable while others are added or deleted). */
@ApplicationScoped
public class SavedTimelineRepository implements PanacheRepository<SavedTimeline> {

    /** Up to {@code limit} timelines with an id above {@code afterId}. */
    public List<SavedTimeline> after(long afterId, int limit) {
        return find("id > ?1 order by id", afterId).page(0, limit).list();
    }

    /** The timeline, locked until the transaction ends, so an If-Match check and the update are one step. */
    public Optional<SavedTimeline> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
