package io.eventline.timeline.service;

import io.eventline.timeline.EventFilter;
import io.eventline.timeline.mapping.TimelineChange;
import io.eventline.timeline.mapping.TimelineEvent;
import io.eventline.timeline.repository.EventChangeHistory;
import io.eventline.timeline.repository.EventChangeHistory.ChangeRow;
import io.eventline.timeline.repository.EventChangeHistory.Period;
import io.eventline.timeline.repository.EventChangeLog;
import io.eventline.timeline.repository.EventRepository;
import io.eventline.timeline.repository.EventRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change feed of a filter: what happened since a position of the event change log to the events
 * that match the filter now or may have matched it at that position.
 *
 * <p>The log says what happened to each event, not whether it matched a filter then, so the feed
 * decides from what it can know: an event that matches now is {@code added} or {@code changed} with
 * its current state; one that was created after the cursor and does not match now is left out (the
 * client never saw it); any other that is gone, merged or no longer matching is reported {@code removed}
 * or {@code merged} if its period then overlapped the filter's dates. Removals may therefore name
 * events the client never had (the other filter parts are not kept per change): clients ignore them.
 */
@ApplicationScoped
@Transactional
public class ChangeFeedService {

    /** The changes of one response, and the log position it reaches. */
    public record Feed(List<TimelineChange> changes, long position, boolean more) {
    }

    private final EventChangeHistory history;
    private final EventChangeLog log;
    private final EventRepository events;
    private final TimelineService timeline;

    ChangeFeedService(EventChangeHistory history, EventChangeLog log, EventRepository events, TimelineService timeline) {
        this.history = history;
        this.log = log;
        this.events = events;
        this.timeline = timeline;
    }

    /** The latest position of the log: a feed starting now starts there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latestPosition() {
        return log.latestSequence();
    }

    /** Positions below this one have lost changes to pruning. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long oldestPosition() {
        return history.prunedUpTo();
    }

    /** What changed for the filter after {@code since}, reading at most {@code limit} logged changes. */
    public Feed read(EventFilter filter, long since, int limit) {
        List<ChangeRow> rows = history.after(since, limit + 1);
        boolean more = rows.size() > limit;
        List<ChangeRow> window = more ? rows.subList(0, limit) : rows;
        if (window.isEmpty()) {
            return new Feed(List.of(), since, false);
        }
        // collapse: each event's latest change, in the order of those latest changes
        Map<Long, ChangeRow> latest = new LinkedHashMap<>();
        Map<Long, Boolean> newSinceCursor = new HashMap<>();
        for (ChangeRow row : window) {
            newSinceCursor.putIfAbsent(row.eventId(), row.kind().equals("added"));
            latest.remove(row.eventId());
            latest.put(row.eventId(), row);
        }
        List<Long> present = latest.values().stream().filter(ChangeFeedService::stillThere).map(ChangeRow::eventId).toList();
        List<EventRow> matching = events.matching(filter, present);
        Map<Long, TimelineEvent> shown = new HashMap<>();
        List<TimelineEvent> views = timeline.listed(matching);
        for (int i = 0; i < matching.size(); i++) {
            shown.put(matching.get(i).id(), views.get(i));
        }
        List<Long> leaving = present.stream().filter(id -> !shown.containsKey(id) && !newSinceCursor.get(id)).toList();
        Map<Long, Period> before = history.periodsAt(leaving, since);

        List<TimelineChange> changes = new ArrayList<>();
        for (ChangeRow row : latest.values()) {
            String id = String.valueOf(row.eventId());
            boolean isNew = newSinceCursor.get(row.eventId());
            TimelineEvent event = shown.get(row.eventId());
            if (event != null) {
                changes.add(new TimelineChange(isNew ? "added" : "changed", id, null, event));
            } else if (isNew) {
                continue;
            } else if (row.kind().equals("merged")) {
                if (overlaps(new Period(row.start(), row.end()), filter)) {
                    changes.add(new TimelineChange("merged", id, String.valueOf(row.mergedInto()), null));
                }
            } else {
                // gone, or there but not matching: what matters is whether it could have been on the timeline
                Period then = stillThere(row) ? before.get(row.eventId()) : new Period(row.start(), row.end());
                if (then == null || overlaps(then, filter)) {
                    changes.add(new TimelineChange("removed", id, null, null));
                }
            }
        }
        return new Feed(changes, window.get(window.size() - 1).seq(), more);
    }

    private static boolean stillThere(ChangeRow row) {
        return row.kind().equals("added") || row.kind().equals("changed");
    }

    private static boolean overlaps(Period period, EventFilter filter) {
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        return (from == null || !period.end().isBefore(from)) && (to == null || !period.start().isAfter(to));
    }
}
