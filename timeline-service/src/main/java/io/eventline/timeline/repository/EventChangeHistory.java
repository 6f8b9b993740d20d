package io.eventline.timeline.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event change log as the change feed reads it ({@code EventChangeLog} appends to it), and its
 * pruning to the retention window, with the horizon below which a feed cursor has lost changes.
 */
@ApplicationScoped
public class EventChangeHistory {

    /** A logged change; {@code start}/{@code end} are the event's period after it (its last, once gone). */
    public record ChangeRow(long seq, long eventId, String kind, Long mergedInto, LocalDate start, LocalDate end) {
    }

    /** An event's period as a change left it. */
    public record Period(LocalDate start, LocalDate end) {
    }

    private final EntityManager entityManager;

    EventChangeHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Up to {@code limit} changes with a sequence number above {@code since}, in sequence order. */
    public List<ChangeRow> after(long since, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        select seq, event_id, kind, merged_into, start_date, end_date from event_change
                        where seq > :since order by seq limit :limit""")
                .setParameter("since", since)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new ChangeRow(number(row[0]), number(row[1]), (String) row[2],
                        row[3] == null ? null : number(row[3]), date(row[4]), date(row[5])))
                .toList();
    }

    /**
     * Each event's period as its last change up to {@code seq} left it (those with no such change are absent).
     * The ids go as one array parameter, as in {@link EventRepository#matching}.
     */
    public Map<Long, Period> periodsAt(Collection<Long> eventIds, long seq) {
        Map<Long, Period> periods = new HashMap<>();
        if (eventIds.isEmpty()) {
            return periods;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        select distinct on (event_id) event_id, start_date, end_date from event_change
                        where event_id = any(:ids) and seq <= :seq order by event_id, seq desc""")
                .setParameter("ids", eventIds.toArray(Long[]::new))
                .setParameter("seq", seq)
                .getResultList();
        rows.stream().map(Object[].class::cast)
                .forEach(row -> periods.put(number(row[0]), new Period(date(row[1]), date(row[2]))));
        return periods;
    }

    /** The highest sequence number pruned so far (0 if none): a cursor below it has lost changes. */
    public long prunedUpTo() {
        return number(entityManager.createNativeQuery("select up_to_seq from event_change_pruned").getSingleResult());
    }

    /**
     * Deletes the changes made before {@code cutoff}, except the latest (list ETags and new cursors
     * start from it, so it must never go back), and raises the horizon to the highest deleted. Call in
     * a transaction.
     *
     * @return how many were deleted
     */
    public int prune(Instant cutoff) {
        Object[] result = (Object[]) entityManager.createNativeQuery("""
                        with pruned as (
                            delete from event_change
                            where changed_at < :cutoff and seq < (select max(seq) from event_change)
                            returning seq),
                        horizon as (
                            update event_change_pruned set up_to_seq = greatest(up_to_seq, (select max(seq) from pruned))
                            where exists (select 1 from pruned)
                            returning up_to_seq)
                        select (select count(*) from pruned), (select count(*) from horizon)""")
                .setParameter("cutoff", cutoff)
                .getSingleResult();
        return (int) number(result[0]);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
