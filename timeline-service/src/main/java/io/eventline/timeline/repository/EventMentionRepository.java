package io.eventline.timeline.repository;

import io.agroal.api.AgroalDataSource;
import io.eventline.timeline.EventMention;
import io.eventline.timeline.PostgresDateJdbcType;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class EventMentionRepository implements PanacheRepository<EventMention> {

    /** A period some mention covers, first and last day inclusive. */
    public record Period(LocalDate start, LocalDate end) {
    }

    /** The sources of a page of events: the ids go as ONE array parameter (see {@link #sourcesOf}). */
    private static final String SOURCES = """
            select m.event_id, a.id, a.title, a.url, a.published_at, a.source, m.text,
                   m.date_value, m.granularity, m.start_date, m.end_date,
                   m.sentence_start, m.sentence_end, m.expression_text, m.expression_start, m.expression_end
            from event_mention m join article a on a.id = m.article_id
            where m.event_id = any(?) and a.retracted = false
            order by m.event_id, a.published_at, a.id, m.ordinal""";

    private final AgroalDataSource dataSource;

    EventMentionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The articles that state each of the given events, for the events' sources. Retracted
     * articles are left out (they have no mentions anyway, but a source must never be one).
     * Plain SQL ({@link Jdbc}) with the ids as one array: an {@code in} list made
     * Hibernate translate the query again for each page size (an eighth of a read's CPU at 1M events).
     * The dates are read as the entities' are ({@link PostgresDateJdbcType#read}), days before AD 1 included.
     */
    public List<SourceRow> sourcesOf(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return Jdbc.work(dataSource, connection -> {
            List<SourceRow> sources = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(SOURCES)) {
                query.setArray(1, connection.createArrayOf("bigint", eventIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        OffsetDateTime publishedAt = rows.getObject(5, OffsetDateTime.class);
                        sources.add(new SourceRow(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), publishedAt == null ? null : publishedAt.toInstant(),
                                rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                                PostgresDateJdbcType.read(rows, 10), PostgresDateJdbcType.read(rows, 11),
                                rows.getInt(12), rows.getInt(13), rows.getString(14), rows.getInt(15), rows.getInt(16)));
                    }
                }
            }
            return sources;
        });
    }
}
