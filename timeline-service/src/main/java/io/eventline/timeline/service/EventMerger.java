package io.eventline.timeline.service;

import io.eventline.timeline.Article;
import io.eventline.timeline.Event;
import io.eventline.timeline.EventDate;
import io.eventline.timeline.EventFilter;
import io.eventline.timeline.EventMention;
import io.eventline.timeline.MentionedEntity;
import io.eventline.timeline.config.TimelineConfig;
import io.eventline.timeline.dedup.EventClustering;
import io.eventline.timeline.dedup.Mention;
import io.eventline.timeline.dedup.MentionFeatures;
import io.eventline.timeline.mapping.ArticleMessageMapper;
import io.eventline.timeline.messaging.ArticleMessage;
import io.eventline.timeline.dedup.MergedEvent;
import io.eventline.timeline.dedup.Report;
import io.eventline.timeline.dedup.ReportedDate;
import io.eventline.timeline.dedup.RollingWordWeights;
import io.eventline.timeline.dedup.SameEventJudge;
import io.eventline.timeline.repository.ConsumerRows;
import io.eventline.timeline.repository.ConsumerRows.StoredEvent;
import io.eventline.timeline.repository.EventMentionRepository.Period;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the stored events equal to what the deduplication ({@code io.eventline.timeline.dedup})
 * makes of the stored mentions, one change at a time, inside the consumer's transaction:
 *
 * <ul>
 *   <li><b>a mention leaves</b> (an article's old version or its retraction): each event it belonged to
 *       is re-derived from the mentions it has left, with {@link EventClustering#cluster}: it may split
 *       (the mention that bridged two groups is gone); an event left with none is removed;
 *   <li><b>a mention arrives</b>: the candidate events are those whose period overlaps its date (locked
 *       until commit). If it was published after every mention of them (the usual case: news arrives in
 *       order), {@link EventClustering#place} says which it joins, or that it starts a new event: the
 *       very step {@code cluster} would take. If it is older than some of them (a late report), its
 *       whole neighbourhood is re-clustered instead, so the result does not depend on arrival order;
 *       events that lose all their mentions there are logged as merged into the one that took their
 *       first report. Re-clustering costs the square of the neighbourhood's reports: above
 *       {@code dedup.max-regroup-reports} a late report is placed as an in-order one is.
 * </ul>
 *
 * After each change, the event row is re-derived from all its mentions ({@link MergedEvent}): date,
 * representative text, counts, entities, version.
 */
@ApplicationScoped
public class EventMerger {

    /** Features are computed once per stored mention (they never change: a new version makes new rows). */
    private static final int CACHED_MENTIONS = 20_000;

    private final ConsumerRows rows;
    private final EventClustering clustering = new EventClustering(new SameEventJudge());
    private final int maxCandidates;
    private final int maxRegroupReports;
    private final Map<Long, Mention> features = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Mention> eldest) {
                    return size() > CACHED_MENTIONS;
                }
            });

    EventMerger(ConsumerRows rows, TimelineConfig config) {
        this.rows = rows;
        this.maxCandidates = config.dedup().maxCandidates();
        this.maxRegroupReports = config.dedup().maxRegroupReports();
    }

    /** What a mention's features are computed from ({@link MentionFeatures#of}). */
    record FeatureSource(String text, List<MentionedEntity> entities) {
    }

    /**
     * Starts computing the features of the new mentions of these messages ahead of their placements
     * ({@link FeaturesAhead}): the text processing is a large part of a placement's CPU and needs neither the
     * database nor the neighbourhood, so it need not wait for the one thread that places.
     */
    FeaturesAhead prepare(List<ArticleMessage> messages) {
        return FeaturesAhead.start(messages.stream()
                .filter(m -> m.kind() == ArticleMessage.Kind.ARTICLE_VERSION && m.events() != null)
                .flatMap(m -> m.events().stream())
                .map(e -> new FeatureSource(e.text(), ArticleMessageMapper.entitiesOf(e)))
                .toList(), source -> MentionFeatures.of(source.text(), source.entities()));
    }

    /**
     * A mention with its deduplication features and the id of the event it belongs to now. A stored
     * mention is known by its id only (its row is read again only if it moves to another event); a new
     * one has its row, stored once placed.
     */
    static final class Member {
        private final EventMention row;
        private final Mention mention;
        /** The stored row's id; null while the mention is new and not written yet. */
        private Long storedId;
        private Long eventId;

        private Member(Long storedId, EventMention row, Long eventId, Mention mention) {
            this.storedId = storedId;
            this.row = row;
            this.eventId = eventId;
            this.mention = mention;
        }

        static Member stored(long id, long eventId, Mention mention) {
            return new Member(id, null, eventId, mention);
        }

        static Member newcomer(EventMention row, Mention mention) {
            return new Member(null, row, null, mention);
        }

        Long id() {
            return storedId != null ? storedId : row.id;
        }

        Mention mention() {
            return mention;
        }

        /** Its row has been written: from now on a move to another event is an update of the stored row. */
        void written() {
            if (storedId == null && row.id != null) {
                storedId = row.id;
            }
        }
    }

    /**
     * The events around the mentions a transaction places, with their mentions, as the transaction has
     * made them so far: read from the database once for all the periods of the transaction's new
     * mentions (one query), then kept up to date in memory by every placement, re-derivation and
     * regrouping, so that each placement is answered from memory exactly as a query would answer it.
     *
     * <p>That is exact because no other transaction changes these events until this one ends (the date
     * locks, and row locks for events over several years) and this one changes them only through here.
     * What memory cannot know is a stored event it never read: for a period whose read returned the
     * {@code limit} events it asked for, the events beyond the last one read (its read boundary, in the
     * query's order). Those rank after every event within the boundary, so memory answers as long as at
     * least {@code limit} of the events it holds overlap the period within the boundary; when removals
     * (an article's old version, merges) have thinned them below that, the period is read again.
     */
    static final class Neighbourhood {
        /** A period whose read returned fewer events than asked: every stored event overlapping it was read. */
        private static final Boundary COMPLETE = new Boundary(Long.MAX_VALUE, Long.MAX_VALUE);
        private static final int WEIGHED_PERIODS = 64;

        private final Map<Long, Placed> events = new HashMap<>();
        private final ByPeriod byPeriod = new ByPeriod();
        private final Map<Long, Group> groups = new HashMap<>();
        private final Map<Period, Boundary> reads = new HashMap<>();
        /** The new mentions of its events whose rows are not known to be written yet ({@link #written}). */
        private final Set<Member> unwritten = new HashSet<>();
        /**
         * The word weights of each period's last placement: the next placement in that period counts only the
         * reports that came and went since. Bounded: a transaction's placements have a few dozen periods.
         */
        private final Map<Period, RollingWordWeights> weights = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Period, RollingWordWeights> eldest) {
                return size() > WEIGHED_PERIODS;
            }
        };

        /**
         * An event's mentions, their features in the same order, and its latest report (in canonical
         * order), kept with it: each placement reads them for up to {@code max-candidates} events.
         */
        private record Group(List<Member> members, List<Mention> mentions, Report latest) {
            static Group of(List<Member> members) {
                List<Mention> mentions = members.stream().map(Member::mention).toList();
                Report latest = mentions.stream().map(Mention::report).max(Report.CANONICAL_ORDER).orElse(null);
                return new Group(List.copyOf(members), mentions, latest);
            }
        }

        /** The rank of the last event a read returned for a period: (difference in length, id). */
        private record Boundary(long distance, long id) {
            boolean covers(long distance, long id) {
                return distance < this.distance || distance == this.distance && id <= this.id;
            }
        }

        /**
         * An event with its period as epoch days, taken when it is put (after each change of its date):
         * every placement scans the whole neighbourhood, and the entity's getters cost more than the scan.
         */
        private record Placed(Event event, long id, long start, long end) {
            static Placed of(Event event) {
                return new Placed(event, event.id, event.date.start.toEpochDay(), event.date.end.toEpochDay());
            }

            long distance(long periodLength) {
                return Math.abs(end - start - periodLength);
            }
        }

        /** An event as this transaction has it. */
        void put(Event event, List<Member> of) {
            for (Member member : of) {
                if (member.storedId == null) {
                    unwritten.add(member);
                }
            }
            Placed placed = Placed.of(event);
            Placed before = events.put(event.id, placed);
            if (before != null) {
                byPeriod.remove(before);
            }
            byPeriod.add(placed);
            groups.put(event.id, Group.of(of));
        }

        void remove(Event event) {
            Placed before = events.remove(event.id);
            if (before != null) {
                byPeriod.remove(before);
            }
            groups.remove(event.id);
        }

        boolean contains(long id) {
            return events.containsKey(id);
        }

        boolean hasRead(Period period) {
            return reads.containsKey(period);
        }

        List<Member> members(long id) {
            return groups.get(id).members();
        }

        List<Mention> mentions(long id) {
            return groups.get(id).mentions();
        }

        /** The word weights kept for placements in this period. */
        RollingWordWeights weights(Period period) {
            return weights.computeIfAbsent(period, p -> new RollingWordWeights());
        }

        /** How many reports these events have. */
        int reports(List<Long> ids) {
            int reports = 0;
            for (Long id : ids) {
                reports += groups.get(id).members().size();
            }
            return reports;
        }

        /** Whether {@code report} comes after every report of these events (canonical order). */
        boolean isLatest(Report report, List<Long> ids) {
            for (Long id : ids) {
                Report latest = groups.get(id).latest();
                if (latest != null && Report.CANONICAL_ORDER.compare(latest, report) >= 0) {
                    return false;
                }
            }
            return true;
        }

        List<Event> events(List<Long> ids) {
            return ids.stream().map(id -> events.get(id).event()).toList();
        }

        /**
         * Records a read of {@code periods}: the events the query answered for all of them, as it
         * answered them (before locking: their ranks are what the query saw).
         */
        void read(Collection<Period> periods, List<Event> answered, int limit) {
            List<Placed> placed = answered.stream().map(Placed::of).toList();
            for (Period period : periods) {
                long[] overlapping = overlapping(placed, period);
                if (overlapping.length < limit) {
                    reads.put(period, COMPLETE);
                } else {
                    long last = overlapping[limit - 1];
                    reads.put(period, new Boundary(distanceOf(last), idOf(last)));
                }
            }
        }

        /**
         * As {@link ConsumerRows#candidatesForUpdate} would answer now: the events overlapping the
         * period, the closest in length first, at most {@code limit}; null when memory cannot say (never
         * read, or thinned within its read boundary), unless {@code justRead}.
         */
        List<Long> candidates(Period period, int limit, boolean justRead) {
            Boundary boundary = reads.get(period);
            if (boundary == null && !justRead) {
                return null;
            }
            long[] overlapping = overlapping(byPeriod.near(period), period);
            if (!justRead && boundary != COMPLETE) {
                int within = 0;
                for (long key : overlapping) {
                    if (boundary.covers(distanceOf(key), idOf(key))) {
                        within++;
                    }
                }
                if (within < limit) {
                    return null;
                }
            }
            List<Long> candidates = new ArrayList<>(Math.min(limit, overlapping.length));
            for (int i = 0; i < overlapping.length && i < limit; i++) {
                candidates.add(idOf(overlapping[i]));
            }
            return candidates;
        }

        /**
         * Marks the new mentions as written (see {@link Member#written}). Only those not marked yet are visited:
         * a transaction writes before each read that must see its changes, and visiting every member of a
         * neighbourhood of thousands each time was 8 % of the applying thread on ingest's real events.
         */
        void written() {
            unwritten.removeIf(member -> {
                member.written();
                return member.storedId != null;
            });
        }

        /**
         * The events overlapping the period in the candidate query's order (how much their length differs from
         * the period's, then id), as {@link #key}s: every placement orders the events near its date, and sorting
         * primitive keys costs a fraction of sorting the events with a comparator.
         */
        private static long[] overlapping(Collection<Placed> events, Period period) {
            long start = period.start().toEpochDay();
            long end = period.end().toEpochDay();
            long[] keys = new long[events.size()];
            int found = 0;
            for (Placed event : events) {
                if (event.end() >= start && event.start() <= end) {
                    keys[found++] = key(event.distance(end - start), event.id());
                }
            }
            keys = Arrays.copyOf(keys, found);
            Arrays.sort(keys);
            return keys;
        }

        /**
         * The neighbourhood's events by period, so that a placement visits the events near its date instead of
         * all those the transaction has read (thousands, over many dates, when a batch's dates are spread):
         * the events of a year or less by their first day, in one sorted map per class of length (a day, a
         * week, a month, a quarter, a year), the longer ones (decades, centuries, long intervals: few) in a
         * list visited every time. An event overlaps a period only if it starts at most its length before the
         * period's first day, so each class is looked at from its longest length before: a day of a busy year
         * visits that day's events, the month's and the year's, not every event that began in the year before
         * (the load driver's profile: a sixth of the applying thread with one map for all lengths).
         */
        private static final class ByPeriod {
            /** The longest {@code end - start} of each class, in days: a day, a week, a month, a quarter, a year. */
            private static final long[] LONGEST = {0, 6, 30, 91, 365};
            private final List<TreeMap<Long, List<Placed>>> byStart = new ArrayList<>();
            private final List<Placed> longer = new ArrayList<>();

            ByPeriod() {
                for (int i = 0; i < LONGEST.length; i++) {
                    byStart.add(new TreeMap<>());
                }
            }

            /** The class of a length, or -1 for longer than a year. */
            private static int classOf(Placed event) {
                long length = event.end() - event.start();
                for (int i = 0; i < LONGEST.length; i++) {
                    if (length <= LONGEST[i]) {
                        return i;
                    }
                }
                return -1;
            }

            void add(Placed event) {
                int type = classOf(event);
                if (type >= 0) {
                    byStart.get(type).computeIfAbsent(event.start(), day -> new ArrayList<>()).add(event);
                } else {
                    longer.add(event);
                }
            }

            void remove(Placed event) {
                int type = classOf(event);
                if (type >= 0) {
                    TreeMap<Long, List<Placed>> starts = byStart.get(type);
                    List<Placed> starting = starts.get(event.start());
                    starting.remove(event);
                    if (starting.isEmpty()) {
                        starts.remove(event.start());
                    }
                } else {
                    longer.remove(event);
                }
            }

            /** The events that may overlap the period: those of each class starting near it, and all the longer ones. */
            List<Placed> near(Period period) {
                long start = period.start().toEpochDay();
                long end = period.end().toEpochDay();
                List<Placed> near = new ArrayList<>(longer);
                for (int i = 0; i < LONGEST.length; i++) {
                    byStart.get(i).subMap(start - LONGEST[i], true, end, true).values().forEach(near::addAll);
                }
                return near;
            }
        }

        private static final int ID_BITS = 40;

        /**
         * (difference in length, id) as one number that orders as the pair does: the difference is below 2^23
         * days (the calendar's 4713 BC to AD 9999 span 5.5 million), the id below 2^40.
         */
        private static long key(long distance, long id) {
            if (id < 0 || id >= 1L << ID_BITS) {
                throw new IllegalStateException("event id " + id + " beyond the neighbourhood's keys");
            }
            return distance << ID_BITS | id;
        }

        private static long distanceOf(long key) {
            return key >>> ID_BITS;
        }

        private static long idOf(long key) {
            return key & ((1L << ID_BITS) - 1);
        }
    }

    /**
     * Re-derives the events that just lost mentions. Those left with none are vacated: the message's
     * new mentions may take them again ({@link #place}), so that a new version of an article keeps the
     * ids of its events; {@link #removeVacant} removes the rest.
     */
    void rederive(TimelineWrite write, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        // the caller wrote what the transaction changed before deleting the mentions: the rows are current
        List<StoredEvent> affected = rows.lockEvents(eventIds);
        Map<Long, List<Member>> members = membersOf(affected);
        for (StoredEvent stored : affected) {
            List<Member> left = members.getOrDefault(stored.event().id, List.of());
            if (left.isEmpty()) {
                write.vacate(stored.event());
                write.neighbourhood.remove(stored.event());
            } else {
                regroup(write, List.of(stored.event()), left, write.neighbourhood);
            }
        }
    }

    /**
     * Places the new mentions of an article (mapped, not yet stored), in the article's order, among
     * the transaction's {@link Neighbourhood}: the first placement of a transaction reads the candidate
     * events of all its new mentions ({@code write.placements}) in one query; the others are answered
     * from memory, unless removals have thinned a period's candidates (then it is read again).
     */
    void place(TimelineWrite write, List<EventMention> added) {
        for (EventMention row : added) {
            Period period = new Period(row.date.start, row.date.end);
            List<Long> candidates = write.neighbourhood.candidates(period, maxCandidates, false);
            if (candidates == null) {
                read(write, write.neighbourhood.hasRead(period) ? List.of(period) : write.placements);
                candidates = write.neighbourhood.candidates(period, maxCandidates, true);
            }
            placeOne(write, row, period, candidates, write.neighbourhood);
        }
    }

    /**
     * Reads (and locks) the candidate events of these periods into the neighbourhood, with their
     * mentions' ids, once the transaction's changes are written (the query must see them). Events the
     * neighbourhood holds already are kept as it has them; emptied (vacant) events are no candidates.
     */
    private void read(TimelineWrite write, Collection<Period> periods) {
        write.flush();
        Set<Period> distinct = new LinkedHashSet<>(periods);
        // Reading twice max-candidates would spare most re-reads of a crowded period (on ingest's real events a
        // transaction read its periods some 66 times; PostgreSQL's time 40 -> 17 s on 10,000 recorded messages),
        // but the one load run with it stalled the service for 11 s near its end, suspected to be the larger
        // neighbourhoods in a 128 MB heap: held back until a run with GC logs says (timeline-service README).
        ConsumerRows.CandidateRead read = rows.candidatesForUpdate(distinct, maxCandidates);
        write.neighbourhood.read(distinct, read.read().stream().map(StoredEvent::event).toList(), maxCandidates);
        List<StoredEvent> fresh = read.current().stream()
                .filter(c -> !write.neighbourhood.contains(c.event().id) && !write.isVacant(c.event().id))
                .toList();
        Map<Long, List<Member>> members = membersOf(fresh);
        for (StoredEvent candidate : fresh) {
            if (members.containsKey(candidate.event().id)) {
                write.neighbourhood.put(candidate.event(), members.get(candidate.event().id));
            }
        }
    }

    /** Removes the events still vacant at the end of a message. */
    void removeVacant(TimelineWrite write) {
        for (Event event : write.takeVacant()) {
            write.removed(event);
            write.rows.eventRemoved(event);
        }
    }

    private void placeOne(TimelineWrite write, EventMention row, Period period, List<Long> candidates,
                          Neighbourhood neighbourhood) {
        Report report = report(row);
        MentionFeatures prepared = write.features.get(new FeatureSource(row.text, row.entities));
        Member newcomer = Member.newcomer(row,
                prepared != null ? new Mention(report, prepared) : Mention.of(report));
        if (!neighbourhood.isLatest(newcomer.mention().report(), candidates)
                && neighbourhood.reports(candidates) < maxRegroupReports) {
            List<Member> all = new ArrayList<>();
            candidates.forEach(id -> all.addAll(neighbourhood.members(id)));
            all.add(newcomer);
            regroup(write, neighbourhood.events(candidates), all, neighbourhood);
            if (row.event.reportCount > 1) {
                write.duplicateMerged();
            }
            return;
        }
        List<List<Mention>> groups = candidates.stream().map(neighbourhood::mentions).toList();
        OptionalInt joined = clustering.place(newcomer.mention(), groups, neighbourhood.weights(period));
        Event event;
        List<Member> all = new ArrayList<>();
        if (joined.isEmpty()) {
            event = open(write, newcomer);
        } else {
            long id = candidates.get(joined.getAsInt());
            event = neighbourhood.events(List.of(id)).get(0);
            all.addAll(neighbourhood.members(id));
            write.duplicateMerged();
        }
        all.add(newcomer);
        store(write, newcomer, event);
        derive(write, event, all);
        neighbourhood.put(event, all);
    }

    /**
     * Replaces the {@code existing} events by the events {@code cluster} makes of {@code members} (all
     * their mentions, and perhaps a newcomer). Each group keeps the event of its first report that has
     * one no earlier group took (so ids survive splits and late reports), else gets a new one; an
     * existing event no group kept has lost all its mentions to other events: it is merged into the one
     * that took its first report.
     */
    private void regroup(TimelineWrite write, List<Event> existing, List<Member> members, Neighbourhood neighbourhood) {
        Map<String, Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.mention().id(), m));
        Map<Long, Event> existingById = new HashMap<>();
        existing.forEach(e -> existingById.put(e.id, e));
        Map<Long, Member> firstOf = new HashMap<>();
        for (Member member : members) {
            if (member.eventId != null) {
                firstOf.merge(member.eventId, member,
                        (a, b) -> Report.CANONICAL_ORDER.compare(a.mention().report(), b.mention().report()) <= 0 ? a : b);
            }
        }

        List<List<Mention>> groups = clustering.cluster(members.stream().map(Member::mention).toList());
        Set<Long> kept = new HashSet<>();
        Map<String, Event> target = new HashMap<>();
        List<Event> groupEvents = new ArrayList<>();
        for (List<Mention> group : groups) {
            Event event = null;
            // a group lists its reports in canonical order: it keeps the event of its first report that has one free
            for (Mention mention : group) {
                Long current = byId.get(mention.id()).eventId;
                if (current != null && existingById.containsKey(current) && kept.add(current)) {
                    event = existingById.get(current);
                    break;
                }
            }
            if (event == null) {
                event = open(write, byId.get(group.get(0).id()));
            }
            groupEvents.add(event);
            for (Mention mention : group) {
                target.put(mention.id(), event);
            }
        }
        for (Member member : members) {
            store(write, member, target.get(member.mention().id()));
        }
        for (int i = 0; i < groups.size(); i++) {
            List<Member> group = groups.get(i).stream().map(m -> byId.get(m.id())).toList();
            derive(write, groupEvents.get(i), group);
            neighbourhood.put(groupEvents.get(i), group);
        }
        for (Event event : existing) {
            if (!kept.contains(event.id)) {
                neighbourhood.remove(event);
                // its mentions are in other groups' events by now (re-pointed above, written before the delete)
                write.merged(event, target.get(firstOf.get(event.id).mention().id()));
                write.rows.eventRemoved(event);
            }
        }
    }

    /** A new event for a mention, or the vacant event of the same date the article's previous version left. */
    private Event open(TimelineWrite write, Member member) {
        Report report = member.mention().report();
        Event event = write.takeVacant(report.date().value(), report.text());
        if (event != null) {
            return event;
        }
        event = new Event();
        event.date = new EventDate(report.date().value(), report.date().granularity(), report.date().start(), report.date().end());
        event.text = report.text();
        event.firstReportedAt = report.publishedAt();
        event.reportCount = 1;
        event.outletCount = 1;
        event.entities = report.entities();
        event.entityKeys = List.of();
        event.version = 1;
        event.updatedAt = write.now;
        event.id = write.nextEventId();
        write.rows.eventAdded(event);
        write.added(event);
        return event;
    }

    /** Attaches the mention to the event: stores a new one; moves a stored one (reading its row) if its event changes. */
    private void store(TimelineWrite write, Member member, Event event) {
        if (member.storedId == null) {
            member.row.event = event;
            if (member.row.id == null) {
                member.row.id = write.nextMentionId();
                write.rows.mentionAdded(member.row);
                features.put(member.row.id, member.mention());
            }
        } else if (!event.id.equals(member.eventId)) {
            write.rows.mentionMoved(member.storedId, event.id);
        }
        member.eventId = event.id;
    }

    /** Rewrites what the event shows from all its mentions. */
    private void derive(TimelineWrite write, Event event, List<Member> members) {
        MergedEvent merged = MergedEvent.of(members.stream().map(Member::mention).toList(), clustering.judge());
        ReportedDate date = merged.date();
        event.date = new EventDate(date.value(), date.granularity(), date.start(), date.end());
        event.text = merged.text();
        event.representativeMentionId = members.stream()
                .filter(m -> m.mention().id().equals(merged.representative().mentionId()))
                .findFirst().orElseThrow().id();
        event.firstReportedAt = merged.firstReportedAt();
        event.reportCount = merged.reportCount();
        event.outletCount = merged.outletCount();
        Map<String, MentionedEntity> entities = new LinkedHashMap<>();
        for (Report source : merged.sources()) {
            for (MentionedEntity entity : source.entities()) {
                entities.putIfAbsent(EventFilter.entityKey(entity.text()), entity);
            }
        }
        event.entities = List.copyOf(entities.values());
        event.entityKeys = entities.keySet().stream().sorted().toList();
        if (!write.isNew(event)) {
            event.version++;
        }
        event.updatedAt = write.now;
        write.derived(event);
        write.rows.eventChanged(event);
    }

    /**
     * The mentions of the given events, with their features, by event id. The features come from the
     * cache; the rows of mentions not in it are read (with their articles), in one query.
     */
    private Map<Long, List<Member>> membersOf(List<StoredEvent> stored) {
        Map<Long, Mention> known = new HashMap<>();
        List<Long> unknown = new ArrayList<>();
        for (StoredEvent event : stored) {
            for (Long id : event.mentionIds()) {
                Mention cached = features.get(id);
                if (cached != null) {
                    known.put(id, cached);
                } else {
                    unknown.add(id);
                }
            }
        }
        for (EventMention row : rows.mentions(unknown)) {
            Mention mention = Mention.of(report(row));
            features.put(row.id, mention);
            known.put(row.id, mention);
        }
        Map<Long, List<Member>> members = new HashMap<>();
        for (StoredEvent event : stored) {
            for (Long id : event.mentionIds()) {
                members.computeIfAbsent(event.event().id, e -> new ArrayList<>())
                        .add(Member.stored(id, event.event().id, known.get(id)));
            }
        }
        members.values().forEach(list -> list.sort(Comparator.comparing(m -> m.mention().report(), Report.CANONICAL_ORDER)));
        return members;
    }

    /** A mention as the deduplication sees it; its id is stable across instances and replays. */
    static Report report(EventMention row) {
        Article article = row.article;
        return new Report(
                article.id + "#" + ordinal(row.ordinal),
                article.id,
                article.source == null ? "" : article.source,
                reportedAt(article),
                row.sentenceStart,
                row.sentenceEnd,
                new ReportedDate(row.date.value, row.date.granularity, row.date.start, row.date.end),
                row.text,
                row.entities);
    }

    /** The ordinal as five digits (the mention id's form: ordinals of one article sort as numbers). */
    private static String ordinal(int ordinal) {
        String digits = Integer.toString(ordinal);
        return digits.length() >= 5 ? digits : "00000".substring(digits.length()) + digits;
    }

    private static Instant reportedAt(Article article) {
        return article.publishedAt != null ? article.publishedAt : article.acceptedAt;
    }
}
