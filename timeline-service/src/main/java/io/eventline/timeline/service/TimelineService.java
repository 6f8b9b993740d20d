package io.eventline.timeline.service;

import io.eventline.timeline.Event;
import io.eventline.timeline.TimelineCursor;
import io.eventline.timeline.mapping.EventMapper;
import io.eventline.timeline.mapping.TimelineEvent;
import io.eventline.timeline.mapping.TimelinePage;
import io.eventline.timeline.repository.EventMentionRepository;
import io.eventline.timeline.repository.EventRepository;
import io.eventline.timeline.repository.SourceRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the timeline. */
@ApplicationScoped
public class TimelineService {

    private final EventRepository events;
    private final EventMentionRepository mentions;

    TimelineService(EventRepository events, EventMentionRepository mentions) {
        this.events = events;
        this.mentions = mentions;
    }

    /**
     * The events overlapping [from, to] (null: open-ended), in timeline order, after {@code after}.
     * One transaction, so the events and their sources are read from the same snapshot.
     */
    @Transactional
    public TimelinePage page(LocalDate from, LocalDate to, TimelineCursor after, int limit) {
        // one more than asked tells whether a next page exists without counting
        List<Event> found = events.timeline(from, to, after, limit + 1);
        boolean more = found.size() > limit;
        List<Event> page = more ? found.subList(0, limit) : found;
        Map<Long, List<SourceRow>> sources = mentions.sourcesOf(page.stream().map(e -> e.id).toList()).stream()
                .collect(Collectors.groupingBy(SourceRow::eventId));
        List<TimelineEvent> views = page.stream()
                .map(e -> EventMapper.toTimelineEvent(e, sources.getOrDefault(e.id, List.of())))
                .toList();
        String next = more ? TimelineCursor.after(page.get(page.size() - 1)).encode() : null;
        return new TimelinePage(views, next);
    }

    @Transactional
    public Optional<TimelineEvent> find(long id) {
        return events.findVisible(id)
                .map(e -> EventMapper.toTimelineEvent(e, mentions.sourcesOf(List.of(e.id))));
    }
}
