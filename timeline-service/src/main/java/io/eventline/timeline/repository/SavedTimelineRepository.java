package io.eventline.timeline.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import io.eventline.timeline.SavedTimeline;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Saved timelines, in id order (creation order: stable while others are added or deleted). */
@ApplicationScoped
public class SavedTimelineRepository implements PanacheRepository<SavedTimeline> {

    private static final ObjectReader STRINGS = new ObjectMapper().readerFor(new TypeReference<List<String>>() {
    });

    private final AgroalDataSource dataSource;

    SavedTimelineRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The timeline as stored, a plain row (not managed: changing it changes nothing). Every poll of a
     * dashboard reads its timeline's definition first, so in plain JDBC ({@link Jdbc}) rather than through a
     * persistence session. Not cached: another instance may redefine or delete the timeline at any time.
     */
    public Optional<SavedTimeline> read(long id) {
        return Jdbc.work(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select name, entities, words, from_value, to_value, sources, version, created_at, updated_at
                    from saved_timeline where id = ?""")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    SavedTimeline timeline = new SavedTimeline();
                    timeline.id = id;
                    timeline.name = row.getString(1);
                    timeline.entities = strings(row.getString(2));
                    timeline.words = row.getString(3);
                    timeline.from = row.getString(4);
                    timeline.to = row.getString(5);
                    timeline.sources = strings(row.getString(6));
                    timeline.version = row.getLong(7);
                    timeline.createdAt = row.getObject(8, OffsetDateTime.class).toInstant();
                    timeline.updatedAt = row.getObject(9, OffsetDateTime.class).toInstant();
                    return Optional.of(timeline);
                }
            }
        });
    }

    /** Up to {@code limit} timelines with an id above {@code afterId}. */
    public List<SavedTimeline> after(long afterId, int limit) {
        return find("id > ?1 order by id", afterId).page(0, limit).list();
    }

    /** The timeline, locked until the transaction ends, so an If-Match check and the update are one step. */
    public Optional<SavedTimeline> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static List<String> strings(String json) {
        try {
            return STRINGS.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved timeline's list is not a JSON list of strings: " + json, e);
        }
    }
}
