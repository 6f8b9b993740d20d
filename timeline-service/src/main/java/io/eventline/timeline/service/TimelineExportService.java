package io.eventline.timeline.service;

import io.eventline.timeline.EventFilter;
import io.eventline.timeline.mapping.TimelineEvent;
import io.eventline.timeline.repository.EventRepository;
import io.eventline.timeline.repository.EventRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Whole filtered timelines for exports, up to a cap, in timeline order. */
@ApplicationScoped
public class TimelineExportService {

    /** The most events an export holds: bounds the memory and time one request can take. */
    public static final int MAX_EVENTS = 10_000;

    /** The exported events; {@code truncated} when the timeline has more than {@link #MAX_EVENTS}. */
    public record Exported(List<TimelineEvent> events, boolean truncated) {
    }

    private final EventRepository events;
    private final TimelineService timeline;

    TimelineExportService(EventRepository events, TimelineService timeline) {
        this.events = events;
        this.timeline = timeline;
    }

    @Transactional
    public Exported export(EventFilter filter) {
        List<EventRow> found = events.timeline(filter, null, MAX_EVENTS + 1);
        boolean truncated = found.size() > MAX_EVENTS;
        return new Exported(timeline.listed(truncated ? found.subList(0, MAX_EVENTS) : found), truncated);
    }
}
