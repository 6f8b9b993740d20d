package io.eventline.timeline.service;

import io.eventline.timeline.SavedTimeline;
import io.eventline.timeline.mapping.SavedTimelineView;
import io.eventline.timeline.repository.SavedTimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/** Saved timelines: their definitions, kept and changed; the transaction boundaries. */
@ApplicationScoped
@Transactional
public class SavedTimelineService {

    /** The version the client expected is not the current one (a failed If-Match). */
    public static class VersionMismatchException extends RuntimeException {
        VersionMismatchException() {
            super(null, null, false, false);
        }
    }

    private final SavedTimelineRepository timelines;

    SavedTimelineService(SavedTimelineRepository timelines) {
        this.timelines = timelines;
    }

    public SavedTimelineView create(Consumer<SavedTimeline> define) {
        SavedTimeline timeline = new SavedTimeline();
        define.accept(timeline);
        timeline.version = 1;
        timeline.createdAt = Instant.now();
        timeline.updatedAt = timeline.createdAt;
        timelines.persist(timeline);
        return SavedTimelineView.of(timeline);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SavedTimelineView> find(long id) {
        return timelines.read(id).map(SavedTimelineView::of);
    }

    /** Up to {@code limit} timelines after the one with id {@code afterId}, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SavedTimelineView> after(long afterId, int limit) {
        return timelines.after(afterId, limit).stream().map(SavedTimelineView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return timelines.count();
    }

    /**
     * Redefines the timeline if {@code expected} accepts its current version; empty if there is no such timeline.
     *
     * @throws VersionMismatchException when {@code expected} refuses its version
     */
    public Optional<SavedTimelineView> update(long id, LongPredicate expected, Consumer<SavedTimeline> define) {
        return timelines.lock(id).map(timeline -> {
            if (!expected.test(timeline.version)) {
                throw new VersionMismatchException();
            }
            define.accept(timeline);
            timeline.version++;
            timeline.updatedAt = Instant.now();
            return SavedTimelineView.of(timeline);
        });
    }

    /**
     * Deletes the timeline if {@code expected} accepts its version; false if there is no such timeline.
     *
     * @throws VersionMismatchException when {@code expected} refuses its version
     */
    public boolean delete(long id, LongPredicate expected) {
        return timelines.lock(id).map(timeline -> {
            if (!expected.test(timeline.version)) {
                throw new VersionMismatchException();
            }
            timelines.delete(timeline);
            return true;
        }).orElse(false);
    }
}
