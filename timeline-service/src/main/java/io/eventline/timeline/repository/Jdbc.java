package io.eventline.timeline.repository;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC for the reads that build their answers from rows: no persistence session, no managed
 * entity (hydrating, then dirty-checking at commit, the events of a page was most of a read's CPU).
 * Inside a transaction the data source hands out that transaction's connection, so the statements see
 * what the transaction sees; outside one, a pooled connection.
 */
final class Jdbc {

    /** Something done on the connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code work}; its SQLException is reported as the persistence layer reports one (a lost database: a 503). */
    static <T> T work(DataSource dataSource, Work<T> work) {
        // inside the transaction, closing the connection hands it back to the transaction, not the pool
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }
}
