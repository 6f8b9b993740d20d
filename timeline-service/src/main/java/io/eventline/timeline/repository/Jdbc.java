package io.eventline.timeline.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventline.timeline.MentionedEntity;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Plain JDBC for the consumer's writes and the reads that build their answers from rows: no persistence
 * session, no managed entity (hydrating, then dirty-checking at commit, the events of a page was most of a
 * read's CPU).
 * Inside a transaction the data source hands out that transaction's connection, so the statements see
 * what the transaction sees; outside one, a pooled connection.
 */
final class Jdbc {

    /** Stored entities (a JSON list); members a later version may add are skipped, as the persistence layer skips them. */
    private static final ObjectReader ENTITIES = new ObjectMapper().readerFor(new TypeReference<List<MentionedEntity>>() {
    }).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    /** The entities of a mention's or an event's {@code entities} column (none when it is null). */
    static List<MentionedEntity> entities(String json) {
        try {
            return json == null ? List.of() : List.copyOf(ENTITIES.<List<MentionedEntity>>readValue(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored entities are not a JSON list of entities: " + json, e);
        }
    }
}
