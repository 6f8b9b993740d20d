package io.eventline.timeline.service;

import io.eventline.timeline.EventFilter;
import io.eventline.timeline.mapping.KeyDate;
import io.eventline.timeline.mapping.TimelineEvent;
import io.eventline.timeline.repository.EventRepository;
import io.eventline.timeline.repository.EventRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * A timeline's key dates: the dates the most independent outlets reported, for a summary of a long
 * timeline. The rule is {@link EventRepository#keyDates}'s: a date ranks by its top event (more
 * outlets, then more reports, then the more recent first report), which is the event shown for it.
 */
@ApplicationScoped
public class KeyDateService {

    private final EventRepository events;
    private final TimelineService timeline;

    KeyDateService(EventRepository events, TimelineService timeline) {
        this.events = events;
        this.timeline = timeline;
    }

    /** The {@code limit} key dates of the filtered timeline, most important first. */
    @Transactional
    public List<KeyDate> keyDates(EventFilter filter, int limit) {
        List<EventRow> top = events.keyDates(filter, limit);
        List<TimelineEvent> shown = timeline.listed(top);
        List<KeyDate> keyDates = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            keyDates.add(new KeyDate(i + 1, shown.get(i).date(), shown.get(i)));
        }
        return keyDates;
    }
}
