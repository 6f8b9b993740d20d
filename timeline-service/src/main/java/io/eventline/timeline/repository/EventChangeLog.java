package io.eventline.timeline.repository;

import io.agroal.api.AgroalDataSource;
import io.eventline.timeline.PostgresDateJdbcType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;

/**
 * The event change log ({@code event_change}): what happened to which event, by sequence number,
 * for the change feed and for the ETags of lists.
 */
@ApplicationScoped
public class EventChangeLog {

    /** The advisory lock that orders appends: key of the one-key form, "TLCHANGE" in ASCII. */
    private static final long APPEND_LOCK = 0x544C4348414E4745L;

    public enum Kind {
        ADDED("added"), CHANGED("changed"), MERGED("merged"), REMOVED("removed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One row to append; {@code version} is null for an event that is gone. */
    public record Change(long eventId, Kind kind, Long mergedInto, Long version, LocalDate start, LocalDate end) {
    }

    private final AgroalDataSource dataSource;

    EventChangeLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Appends the rows. Call it last in the transaction: it takes the append lock, which it holds until
     * commit, so transactions append one after another and sequence numbers are allocated in commit
     * order. A reader that has seen sequence n therefore never sees a smaller one appear later. Kept
     * short on purpose: only these inserts and the commit happen under it.
     */
    public void append(List<Change> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        // plain SQL on the transaction's connection, each column one array: one statement text whatever the
        // number of rows (as a Hibernate native query with a VALUES row per change, its text and parameter
        // binding cost 4 % of the applying thread); the rows keep their order, and so their sequence numbers
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)");
             PreparedStatement insert = connection.prepareStatement("""
                     insert into event_change (event_id, kind, merged_into, event_version, start_date, end_date, changed_at)
                     select c.event_id, c.kind, c.merged_into, c.event_version, c.start_date, c.end_date, ?
                     from unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::date[], ?::date[])
                          with ordinality as c(event_id, kind, merged_into, event_version, start_date, end_date, n)
                     order by c.n""")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
            insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("bigint", changes.stream().map(Change::eventId).toArray()));
            insert.setArray(3, connection.createArrayOf("text", changes.stream().map(c -> c.kind().label()).toArray()));
            insert.setArray(4, connection.createArrayOf("bigint", changes.stream().map(Change::mergedInto).toArray()));
            insert.setArray(5, connection.createArrayOf("bigint", changes.stream().map(Change::version).toArray()));
            insert.setArray(6, connection.createArrayOf("date", changes.stream().map(c -> PostgresDateJdbcType.toSql(c.start())).toArray()));
            insert.setArray(7, connection.createArrayOf("date", changes.stream().map(c -> PostgresDateJdbcType.toSql(c.end())).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /**
     * The highest sequence number (0 for an empty log): one index probe. It is all a 304 asks of the
     * database, so it goes straight to JDBC (no persistence session); within a transaction the data
     * source hands out that transaction's connection, so it sees what the transaction sees.
     */
    public long latestSequence() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select coalesce(max(seq), 0) from event_change");
             ResultSet latest = query.executeQuery()) {
            latest.next();
            return latest.getLong(1);
        } catch (SQLException e) {
            // as the persistence layer reports it: a connection failure is then a 503 (DatabaseUnavailableMapper)
            throw new PersistenceException(e);
        }
    }
}
