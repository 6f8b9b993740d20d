package io.eventline.timeline.service;

import io.eventline.timeline.EventFilter;
import io.eventline.timeline.TimelineCursor;
import io.eventline.timeline.Total;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.mapping.EventDetail;
import io.eventline.timeline.mapping.EventMapper;
import io.eventline.timeline.mapping.TimelineEvent;
import io.eventline.timeline.mapping.TimelinePage;
import io.eventline.timeline.repository.EventChangeLog;
import io.eventline.timeline.repository.EventMentionRepository;
import io.eventline.timeline.repository.EventRepository;
import io.eventline.timeline.repository.EventRow;
import io.eventline.timeline.repository.SourceRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Reads the timeline. */
@ApplicationScoped
public class TimelineService {

    private final EventRepository events;
    private final EventMentionRepository mentions;
    private final EventChangeLog changeLog;
    private final int totalCap;

    TimelineService(EventRepository events, EventMentionRepository mentions, EventChangeLog changeLog, TimelineConfig config) {
        this.events = events;
        this.mentions = mentions;
        this.changeLog = changeLog;
        this.totalCap = config.api().totalCap();
    }

    /**
     * The sequence number of the latest change to any event. Every change to what a read returns is
     * logged, so two reads with the same query and the same latest change return the same thing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latestChange() {
        return changeLog.latestSequence();
    }

    /** The event's version, or empty if there is no such event. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> versionOf(long id) {
        return events.versionOf(id);
    }

    /**
     * The events matching the filter, in timeline order, after {@code after}; {@code linkTo} turns the
     * next page's cursor into its URL. The total is counted (up to the cap) for the first page only: the
     * cursor carries it to the following ones, so paging costs no count.
     */
    @Transactional
    public TimelinePage page(EventFilter filter, TimelineCursor after, int limit, UnaryOperator<String> linkTo) {
        // one more than asked tells whether a next page exists
        List<EventRow> found = events.timeline(filter, after, limit + 1);
        boolean more = found.size() > limit;
        List<EventRow> page = more ? found.subList(0, limit) : found;
        List<TimelineEvent> views = listed(page);
        Total total = after != null && after.total() != null ? after.total()
                : Total.counted(events.countUpTo(filter, totalCap + 1), totalCap);
        String next = more ? cursorAfter(page.get(page.size() - 1), filter, total) : null;
        return new TimelinePage(views, next, next == null ? null : linkTo.apply(next), total.value(), total.exact());
    }

    private static String cursorAfter(EventRow last, EventFilter filter, Total total) {
        return TimelineCursor.after(last.start(), last.end(), last.firstReportedAt(), last.id(), filter, total).encode();
    }

    /** The events as a timeline page lists them, with their sources; in a transaction (the sources are read). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEvent> listed(List<EventRow> found) {
        Map<Long, List<SourceRow>> sources = mentions.sourcesOf(found.stream().map(EventRow::id).toList()).stream()
                .collect(Collectors.groupingBy(SourceRow::eventId));
        return found.stream()
                .map(e -> EventMapper.toTimelineEvent(e, sources.getOrDefault(e.id(), List.of())))
                .toList();
    }

    @Transactional
    public Optional<EventDetail> find(long id) {
        return events.findVisible(id)
                .map(e -> EventMapper.toEventDetail(e, mentions.sourcesOf(List.of(e.id))));
    }
}
