package io.eventline.timeline.repository;

import io.agroal.api.AgroalDataSource;
import io.eventline.timeline.PostgresDateJdbcType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event change log as the change feed reads it ({@code EventChangeLog} appends to it), and its
 * pruning to the retention window, with the horizon below which a feed cursor has lost changes. The
 * feed's reads are plain JDBC ({@link Jdbc}): each dashboard poll runs them.
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
    private final AgroalDataSource dataSource;

    EventChangeHistory(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} changes with a sequence number above {@code since}, in sequence order. */
    public List<ChangeRow> after(long since, int limit) {
        return Jdbc.work(dataSource, connection -> {
            List<ChangeRow> changes = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select seq, event_id, kind, merged_into, start_date, end_date from event_change
                    where seq > ? order by seq limit ?""")) {
                query.setLong(1, since);
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long mergedInto = rows.getLong(4);
                        changes.add(new ChangeRow(rows.getLong(1), rows.getLong(2), rows.getString(3),
                                rows.wasNull() ? null : mergedInto, PostgresDateJdbcType.read(rows, 5), PostgresDateJdbcType.read(rows, 6)));
                    }
                }
            }
            return changes;
        });
    }

    /**
     * Each event's period as its last change up to {@code seq} left it (those with no such change are absent).
     * The ids go as one array parameter, as in {@link EventRepository#matching}. Per event, one backward step
     * of its index to that change: an event re-derived often has many changes, and reading them all to keep
     * the latest (distinct on) took 3.6 ms a feed read at 1M events, most of the feed's database time.
     */
    public Map<Long, Period> periodsAt(Collection<Long> eventIds, long seq) {
        Map<Long, Period> periods = new HashMap<>();
        if (eventIds.isEmpty()) {
            return periods;
        }
        return Jdbc.work(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select i.id, c.start_date, c.end_date
                    from unnest(?::bigint[]) i(id),
                         lateral (select start_date, end_date from event_change
                                  where event_id = i.id and seq <= ? order by seq desc limit 1) c""")) {
                query.setArray(1, connection.createArrayOf("bigint", eventIds.toArray()));
                query.setLong(2, seq);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        periods.put(rows.getLong(1), new Period(PostgresDateJdbcType.read(rows, 2), PostgresDateJdbcType.read(rows, 3)));
                    }
                }
            }
            return periods;
        });
    }

    /** The highest sequence number pruned so far (0 if none): a cursor below it has lost changes. */
    public long prunedUpTo() {
        return Jdbc.work(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("select up_to_seq from event_change_pruned");
                 ResultSet horizon = query.executeQuery()) {
                horizon.next();
                return horizon.getLong(1);
            }
        });
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
}
