package io.eventline.timeline.mapping;

import io.eventline.timeline.Event;
import io.eventline.timeline.repository.SourceRow;

import java.util.List;

/** Events as the API shows them. */
public final class EventMapper {

    private EventMapper() {
    }

    public static TimelineEvent toTimelineEvent(Event event, List<SourceRow> sources) {
        return new TimelineEvent(
                String.valueOf(event.id),
                new TimelineEvent.Date(event.date.value, event.date.granularity, event.date.start, event.date.end),
                event.text,
                sources.stream()
                        .map(s -> new TimelineEvent.Source(s.articleId(), s.title(), s.url(), s.publishedAt(), s.source()))
                        .toList());
    }
}
