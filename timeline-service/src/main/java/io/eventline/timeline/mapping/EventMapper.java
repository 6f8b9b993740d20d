package io.eventline.timeline.mapping;

import io.eventline.timeline.Event;
import io.eventline.timeline.repository.EventRow;
import io.eventline.timeline.repository.SourceRow;

import java.util.List;

/** Events as the API shows them. */
public final class EventMapper {

    private EventMapper() {
    }

    public static TimelineEvent toTimelineEvent(EventRow event, List<SourceRow> sources) {
        return new TimelineEvent(String.valueOf(event.id()),
                new TimelineEvent.Date(event.dateValue(), event.granularity(), event.start(), event.end()), event.text(),
                event.entities(), event.reportCount(), event.outletCount(), event.firstReportedAt(),
                sources.stream()
                        .map(s -> new TimelineEvent.Source(s.articleId(), s.title(), s.url(), s.publishedAt(), s.source()))
                        .toList());
    }

    public static EventDetail toEventDetail(Event event, List<SourceRow> sources) {
        return new EventDetail(String.valueOf(event.id), date(event), event.text, event.entities, event.reportCount,
                event.outletCount, event.firstReportedAt,
                sources.stream()
                        .map(s -> new EventDetail.Source(s.articleId(), s.title(), s.url(), s.publishedAt(), s.source(),
                                s.text(), new TimelineEvent.Date(s.dateValue(), s.granularity(), s.start(), s.end()),
                                new EventDetail.Span(s.sentenceStart(), s.sentenceEnd()),
                                new EventDetail.Expression(s.expressionText(), s.expressionStart(), s.expressionEnd())))
                        .toList(),
                event.version);
    }

    private static TimelineEvent.Date date(Event event) {
        return new TimelineEvent.Date(event.date.value, event.date.granularity, event.date.start, event.date.end);
    }
}
