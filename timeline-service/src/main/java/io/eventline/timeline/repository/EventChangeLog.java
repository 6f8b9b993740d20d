package io.eventline.timeline.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.query.NativeQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    private static final int ROWS_PER_INSERT = 1000;

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    EventChangeLog(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
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
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", APPEND_LOCK)
                .getSingleResult();
        // one statement per chunk; PostgreSQL takes at most 32767 parameters in a statement
        for (int from = 0; from < changes.size(); from += ROWS_PER_INSERT) {
            insert(changes.subList(from, Math.min(changes.size(), from + ROWS_PER_INSERT)), at);
        }
    }

    private void insert(List<Change> changes, Instant at) {
        StringBuilder sql = new StringBuilder("""
                insert into event_change (event_id, kind, merged_into, event_version, start_date, end_date, changed_at)
                values """);
        for (int i = 0; i < changes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        NativeQuery<?> insert = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class);
        int position = 1;
        for (Change change : changes) {
            insert.setParameter(position++, change.eventId());
            insert.setParameter(position++, change.kind().label());
            insert.setParameter(position++, change.mergedInto(), Long.class);
            insert.setParameter(position++, change.version(), Long.class);
            insert.setParameter(position++, change.start());
            insert.setParameter(position++, change.end());
            insert.setParameter(position++, at);
        }
        insert.executeUpdate();
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
