package io.eventline.timeline.service;

import io.eventline.timeline.Event;
import io.eventline.timeline.repository.ConsumerRows;
import io.eventline.timeline.repository.DateBucketLocks;
import io.eventline.timeline.repository.EventMentionRepository;
import io.eventline.timeline.repository.EventChangeLog.Change;
import io.eventline.timeline.repository.EventChangeLog.Kind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction applying article messages has done to the events so far: the changes for
 * the change log (one row per event, its net effect over the transaction), the locks it holds, the
 * versions its articles hold, the rows not written yet, the ids it has reserved, and the events of
 * the current message that are emptied but may be taken again by its new mentions.
 */
final class TimelineWrite {

    final DateBucketLocks.Held locks = DateBucketLocks.none();
    final Instant now;
    /** The rows changed and not written yet (written by {@link #flush}: before a read that must see them, and at the end). */
    final ConsumerRows.Writes rows = new ConsumerRows.Writes();
    /** The events around the transaction's new mentions, as it has made them so far. */
    final EventMerger.Neighbourhood neighbourhood = new EventMerger.Neighbourhood();
    /** The periods of all the new mentions the transaction may place: its first placement reads their candidates at once. */
    final List<EventMentionRepository.Period> placements = new ArrayList<>();
    /** The features of the transaction's new mentions, computed ahead ({@link EventMerger#prepare}). */
    FeaturesAhead features = FeaturesAhead.NONE;
    /** The version each article of the transaction holds (absent: never applied), as the transaction has left it. */
    final Map<String, Long> versions = new HashMap<>();
    private final ConsumerRows store;
    private final int expectedMentions;
    private final Deque<Long> eventIds = new ArrayDeque<>();
    private final Deque<Long> mentionIds = new ArrayDeque<>();
    private final Map<Long, NetChange> changes = new LinkedHashMap<>();
    private final Set<Long> touched = new LinkedHashSet<>();
    private final Map<Long, Event> vacant = new LinkedHashMap<>();
    private int duplicatesMerged;

    /** {@code expectedMentions}: how many mentions the transaction may add, the size of the blocks of ids it reserves. */
    TimelineWrite(Instant now, ConsumerRows store, int expectedMentions) {
        this.now = now;
        this.store = store;
        this.expectedMentions = expectedMentions;
    }

    /** Writes the rows changed so far (one batched statement per kind of row). */
    void flush() {
        store.write(rows);
        neighbourhood.written();
    }

    /** A new event's id, from the ids reserved for this transaction (a query per {@code expectedMentions} ids). */
    long nextEventId() {
        if (eventIds.isEmpty()) {
            eventIds.addAll(store.allocateIds("event_seq", expectedMentions));
        }
        return eventIds.removeFirst();
    }

    long nextMentionId() {
        if (mentionIds.isEmpty()) {
            mentionIds.addAll(store.allocateIds("event_mention_seq", expectedMentions));
        }
        return mentionIds.removeFirst();
    }

    /** The net effect on one event: an event added and then removed in the same transaction leaves nothing. */
    private static final class NetChange {
        final boolean addedHere;
        Kind kind;
        Long mergedInto;
        Long version;
        LocalDate start;
        LocalDate end;

        NetChange(boolean addedHere, Kind kind) {
            this.addedHere = addedHere;
            this.kind = kind;
        }
    }

    boolean isNew(Event event) {
        NetChange change = changes.get(event.id);
        return change != null && change.addedHere;
    }

    void added(Event event) {
        NetChange change = new NetChange(true, Kind.ADDED);
        changes.put(event.id, change);
        record(change, event);
    }

    /** The event was re-derived (a mention joined or left, or moved). */
    void derived(Event event) {
        NetChange change = changes.computeIfAbsent(event.id, id -> new NetChange(false, Kind.CHANGED));
        record(change, event);
    }

    void removed(Event event) {
        gone(event, Kind.REMOVED, null);
    }

    void merged(Event event, Event into) {
        gone(event, Kind.MERGED, into.id);
    }

    private void gone(Event event, Kind kind, Long into) {
        touched.remove(event.id);
        NetChange change = changes.computeIfAbsent(event.id, id -> new NetChange(false, kind));
        if (change.addedHere) {
            changes.remove(event.id);   // nobody outside this transaction ever saw it
            return;
        }
        change.kind = kind;
        change.mergedInto = into;
        change.version = null;
        change.start = event.date.start;
        change.end = event.date.end;
    }

    private void record(NetChange change, Event event) {
        change.version = event.version;
        change.start = event.date.start;
        change.end = event.date.end;
        touched.add(event.id);
    }

    /** The events re-derived since the last call (those still existing), e.g. to refresh their search vector. */
    List<Long> takeTouched() {
        List<Long> ids = new ArrayList<>(touched);
        touched.clear();
        return ids;
    }

    /** An event that lost all its mentions; the message's new mentions may take it again (keeping its id). */
    void vacate(Event event) {
        vacant.put(event.id, event);
    }

    boolean isVacant(long eventId) {
        return vacant.containsKey(eventId);
    }

    /**
     * A vacant event for a new mention of this date and text: the one with the same date and text, else
     * the first with the same date; null if none. The event is no longer vacant once taken.
     */
    Event takeVacant(String dateValue, String text) {
        Event chosen = null;
        for (Event event : vacant.values()) {
            if (event.date.value.equals(dateValue) && (chosen == null || event.text.equals(text) && !chosen.text.equals(text))) {
                chosen = event;
            }
        }
        if (chosen != null) {
            vacant.remove(chosen.id);
        }
        return chosen;
    }

    /** The events still vacant at the end of a message, to be removed; none are vacant afterwards. */
    List<Event> takeVacant() {
        List<Event> left = new ArrayList<>(vacant.values());
        vacant.clear();
        return left;
    }

    void duplicateMerged() {
        duplicatesMerged++;
    }

    int duplicatesMerged() {
        return duplicatesMerged;
    }

    List<Change> changes() {
        List<Change> rows = new ArrayList<>(changes.size());
        changes.forEach((id, c) -> rows.add(new Change(id, c.kind, c.mergedInto, c.version, c.start, c.end)));
        return rows;
    }
}
