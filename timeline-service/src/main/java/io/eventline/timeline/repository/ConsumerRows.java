package io.eventline.timeline.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.eventline.timeline.Article;
import io.eventline.timeline.Event;
import io.eventline.timeline.EventDate;
import io.eventline.timeline.PostgresDateJdbcType;
import io.eventline.timeline.EventMention;
import io.eventline.timeline.repository.EventMentionRepository.Period;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The consumer's reads and writes of articles, events and mentions, in plain JDBC on the transaction's
 * connection (the data source hands out the one the persistence session uses): no entity is managed,
 * so nothing is dirty-checked or flushed; the consumer knows every row it changes and writes them in
 * a few batched statements ({@link Writes}). The entity classes serve as plain rows here.
 */
@ApplicationScoped
public class ConsumerRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sequences' increment (V1__timeline.sql), the size of a block of ids as Hibernate's pooled optimizer uses it. */
    private static final int ID_BLOCK = 50;
    private static final String EVENT_COLUMNS = "e.id, e.date_value, e.granularity, e.start_date, e.end_date, e.text, e.version";

    private final AgroalDataSource dataSource;

    ConsumerRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private <T> T work(Jdbc.Work<T> work) {
        return Jdbc.work(dataSource, work);
    }

    /** The versions the given articles hold (absent: never applied), their rows locked until commit, in id order. */
    public Map<String, Long> lockArticles(Collection<String> ids) {
        return work(connection -> {
            Map<String, Long> versions = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, version from article where id = any(?) order by id for update")) {
                query.setArray(1, connection.createArrayOf("text", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        versions.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return versions;
        });
    }

    /**
     * The distinct periods of the mentions the given articles hold now: what applying them will touch.
     * Plain SQL with the ids as one array: as an HQL {@code in} list it was translated again for each
     * batch's number of articles (6 % of the applying thread).
     */
    public List<Period> mentionPeriodsOf(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return work(connection -> {
            List<Period> periods = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select distinct start_date, end_date from event_mention where article_id = any(?)")) {
                query.setArray(1, connection.createArrayOf("text", articleIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        periods.add(new Period(PostgresDateJdbcType.read(rows, 1), PostgresDateJdbcType.read(rows, 2)));
                    }
                }
            }
            return periods;
        });
    }

    /** Deletes the article's mentions; answers the ids of the events they were in. */
    public List<Long> deleteMentionsOf(String articleId) {
        return work(connection -> {
            List<Long> events = new ArrayList<>();
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from event_mention where article_id = ? returning event_id")) {
                delete.setString(1, articleId);
                try (ResultSet rows = delete.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        if (!events.contains(id)) {
                            events.add(id);
                        }
                    }
                }
            }
            return events;
        });
    }

    /** A stored event as the consumer needs it, with the ids of its mentions (ascending). */
    public record StoredEvent(Event event, List<Long> mentionIds) {
    }

    /** The given events with their mentions' ids, locked until commit, in id order. */
    public List<StoredEvent> lockEvents(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return work(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select " + EVENT_COLUMNS + ", "
                    + "array(select m.id from event_mention m where m.event_id = e.id order by m.id) "
                    + "from event e where e.id = any(?) order by e.id for update")) {
                query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                return storedEvents(query);
            }
        });
    }

    /**
     * What {@link #candidatesForUpdate} read: {@code read}, the rows as the candidate query answered them
     * (for each period, up to {@code limit} events overlapping it, the closest in length first: what
     * tells whether a period had more); {@code current}, the same events locked, as they are under the
     * lock (an event over several years deleted meanwhile is no candidate).
     */
    public record CandidateRead(List<StoredEvent> read, List<StoredEvent> current) {
    }

    /**
     * The events the mentions of these periods could join: for each period, those whose period overlaps
     * it (a necessary condition for compatible dates), at most {@code limit}, the closest in length
     * first (the order event_period_length_idx walks: V7__consumer_write_costs.sql); with their mentions'
     * ids. One query for all the periods; the events are locked until the
     * transaction ends, in id order, so that no other instance changes them while the mentions are
     * placed: those within one year by the date locks the transaction holds already, those over several
     * years by a row lock ({@link DateBucketLocks#guardedByDateLocks}), taken after the read and their
     * rows read again under it. Locking every candidate's row (up to {@code limit} per period, each lock
     * a write to its heap page) took some 30 % of the time applying a message.
     */
    public CandidateRead candidatesForUpdate(Collection<EventMentionRepository.Period> periods, int limit) {
        List<StoredEvent> candidates = candidates(periods, limit);
        Set<Long> spanning = candidates.stream()
                .filter(c -> !DateBucketLocks.guardedByDateLocks(c.event().date.start, c.event().date.end))
                .map(c -> c.event().id)
                .collect(Collectors.toSet());
        if (spanning.isEmpty()) {
            return new CandidateRead(candidates, candidates);
        }
        Map<Long, StoredEvent> locked = new HashMap<>();
        lockEvents(spanning).forEach(c -> locked.put(c.event().id, c));
        List<StoredEvent> current = new ArrayList<>();
        for (StoredEvent candidate : candidates) {
            if (!spanning.contains(candidate.event().id)) {
                current.add(candidate);
            } else if (locked.containsKey(candidate.event().id)) {
                current.add(locked.get(candidate.event().id));
            }
        }
        return new CandidateRead(candidates, current);
    }

    private List<StoredEvent> candidates(Collection<EventMentionRepository.Period> periods, int limit) {
        return work(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select " + EVENT_COLUMNS + ", "
                    + "array(select m.id from event_mention m where m.event_id = e.id order by m.id) "
                    + """
                    from event e
                    where e.id in (
                        select c.id
                        from unnest(?::date[], ?::date[]) as p(first_day, last_day)
                        cross join lateral (
                            select x.id from event x
                            where daterange(x.start_date, x.end_date, '[]') && daterange(p.first_day, p.last_day, '[]')
                            order by (x.end_date - x.start_date) <-> (p.last_day - p.first_day), x.id
                            limit ?) c)
                    order by e.id""")) {
                query.setArray(1, connection.createArrayOf("date", periods.stream().map(p -> PostgresDateJdbcType.toSql(p.start())).toArray()));
                query.setArray(2, connection.createArrayOf("date", periods.stream().map(p -> PostgresDateJdbcType.toSql(p.end())).toArray()));
                query.setInt(3, limit);
                return storedEvents(query);
            }
        });
    }

    private static List<StoredEvent> storedEvents(PreparedStatement query) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Event event = new Event();
                event.id = rows.getLong(1);
                event.date = new EventDate(rows.getString(2), rows.getString(3),
                        PostgresDateJdbcType.read(rows, 4), PostgresDateJdbcType.read(rows, 5));
                event.text = rows.getString(6);
                event.version = rows.getLong(7);
                Array array = rows.getArray(8);
                List<Long> mentionIds = new ArrayList<>();
                for (Object id : (Object[]) array.getArray()) {
                    mentionIds.add(((Number) id).longValue());
                }
                array.free();
                events.add(new StoredEvent(event, mentionIds));
            }
        }
        return events;
    }

    /**
     * The given mentions with what the deduplication reads of their articles (id, outlet, publication
     * and acceptance times), in id order; not their temporal expressions.
     */
    public List<EventMention> mentions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return work(connection -> {
            List<EventMention> mentions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select m.id, m.event_id, m.ordinal, m.text, m.date_value, m.granularity, m.start_date, m.end_date,
                           m.sentence_start, m.sentence_end, m.entities, m.confidence,
                           a.id, a.source, a.published_at, a.accepted_at
                    from event_mention m join article a on a.id = m.article_id
                    where m.id = any(?) order by m.id""")) {
                query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        EventMention mention = new EventMention();
                        mention.id = rows.getLong(1);
                        mention.ordinal = rows.getInt(3);
                        mention.text = rows.getString(4);
                        mention.date = new EventDate(rows.getString(5), rows.getString(6),
                                PostgresDateJdbcType.read(rows, 7), PostgresDateJdbcType.read(rows, 8));
                        mention.sentenceStart = rows.getInt(9);
                        mention.sentenceEnd = rows.getInt(10);
                        mention.entities = Jdbc.entities(rows.getString(11));
                        mention.confidence = rows.getDouble(12);
                        Article article = new Article();
                        article.id = rows.getString(13);
                        article.source = rows.getString(14);
                        article.publishedAt = instant(rows.getObject(15, OffsetDateTime.class));
                        article.acceptedAt = instant(rows.getObject(16, OffsetDateTime.class));
                        mention.article = article;
                        mentions.add(mention);
                    }
                }
            }
            return mentions;
        });
    }

    /**
     * {@code count} fresh ids of the sequence, as blocks of {@value #ID_BLOCK}: a value v of the
     * sequence reserves v-49..v, as Hibernate's pooled optimizer reads it (so instances of an older
     * build, which allocate ids through Hibernate, never take the same ones).
     */
    public List<Long> allocateIds(String sequence, int count) {
        int blocks = (count + ID_BLOCK - 1) / ID_BLOCK + 1;
        return work(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select nextval(cast(? as regclass)) from generate_series(1, ?)")) {
                query.setString(1, sequence);
                query.setInt(2, blocks);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long high = rows.getLong(1);
                        for (long id = Math.max(1, high - ID_BLOCK + 1); id <= high; id++) {
                            ids.add(id);
                        }
                    }
                }
            }
            return ids;
        });
    }

    /**
     * The rows one step of the consumer changed, written by {@link #write} in a fixed order: articles,
     * new events, new mentions, moved mentions, changed events, removed events (a removed event's
     * mentions have been moved or deleted by then: its delete would cascade to them).
     */
    public static final class Writes {
        private final List<Article> newArticles = new ArrayList<>();
        private final List<Article> changedArticles = new ArrayList<>();
        private final Map<Long, Event> newEvents = new LinkedHashMap<>();
        private final Map<Long, Event> changedEvents = new LinkedHashMap<>();
        private final Map<Long, Event> removedEvents = new LinkedHashMap<>();
        private final List<EventMention> newMentions = new ArrayList<>();
        private final Map<Long, Long> movedMentions = new LinkedHashMap<>();

        public void articleAdded(Article article) {
            newArticles.add(article);
        }

        /** A stored article's new version or retraction (a retraction writes only its version and times). */
        public void articleChanged(Article article) {
            changedArticles.add(article);
        }

        /** An event not stored yet (written with its final state). */
        public void eventAdded(Event event) {
            newEvents.put(event.id, event);
        }

        /** An event changed: written as it is when the step ends. */
        public void eventChanged(Event event) {
            if (!newEvents.containsKey(event.id)) {
                changedEvents.put(event.id, event);
            }
        }

        public void eventRemoved(Event event) {
            changedEvents.remove(event.id);
            if (newEvents.remove(event.id) == null) {
                removedEvents.put(event.id, event);
            }
        }

        /** A new mention: written with the event it is in when the step ends. */
        public void mentionAdded(EventMention mention) {
            newMentions.add(mention);
        }

        public void mentionMoved(long mentionId, long eventId) {
            movedMentions.put(mentionId, eventId);
        }

        boolean isEmpty() {
            return newArticles.isEmpty() && changedArticles.isEmpty() && newEvents.isEmpty() && changedEvents.isEmpty()
                    && removedEvents.isEmpty() && newMentions.isEmpty() && movedMentions.isEmpty();
        }

        void clear() {
            newArticles.clear();
            changedArticles.clear();
            newEvents.clear();
            changedEvents.clear();
            removedEvents.clear();
            newMentions.clear();
            movedMentions.clear();
        }
    }

    /** Writes what {@code writes} holds, one batched statement per kind of row, and empties it. */
    public void write(Writes writes) {
        if (writes.isEmpty()) {
            return;
        }
        work(connection -> {
            insertArticles(connection, writes.newArticles);
            updateArticles(connection, writes.changedArticles);
            insertEvents(connection, writes.newEvents.values());
            insertMentions(connection, writes.newMentions);
            moveMentions(connection, writes.movedMentions);
            updateEvents(connection, writes.changedEvents.values());
            deleteEvents(connection, writes.removedEvents.keySet());
            return null;
        });
        writes.clear();
    }

    private static void insertArticles(Connection connection, List<Article> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into article (id, version, retracted, url, title, published_at, source, language,
                                     content_hash, extractor, accepted_at, applied_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Article article : articles) {
                insert.setString(1, article.id);
                setArticle(insert, 2, article);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void updateArticles(Connection connection, List<Article> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        // a retraction keeps the row's other columns (the last version's metadata)
        try (PreparedStatement version = connection.prepareStatement("""
                update article set version = ?, retracted = ?, url = ?, title = ?, published_at = ?, source = ?,
                                   language = ?, content_hash = ?, extractor = ?, accepted_at = ?, applied_at = ?
                where id = ?""");
             PreparedStatement retraction = connection.prepareStatement(
                     "update article set version = ?, retracted = true, accepted_at = ?, applied_at = ? where id = ?")) {
            boolean versions = false;
            boolean retractions = false;
            for (Article article : articles) {
                if (article.retracted) {
                    retraction.setLong(1, article.version);
                    retraction.setObject(2, timestamp(article.acceptedAt));
                    retraction.setObject(3, timestamp(article.appliedAt));
                    retraction.setString(4, article.id);
                    retraction.addBatch();
                    retractions = true;
                } else {
                    setArticle(version, 1, article);
                    version.setString(12, article.id);
                    version.addBatch();
                    versions = true;
                }
            }
            if (versions) {
                version.executeBatch();
            }
            if (retractions) {
                retraction.executeBatch();
            }
        }
    }

    private static void setArticle(PreparedStatement statement, int first, Article article) throws SQLException {
        int i = first;
        statement.setLong(i++, article.version);
        statement.setBoolean(i++, article.retracted);
        statement.setString(i++, article.url);
        statement.setString(i++, article.title);
        statement.setObject(i++, timestamp(article.publishedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(i++, article.source);
        statement.setString(i++, article.language);
        statement.setString(i++, article.contentHash);
        statement.setString(i++, article.extractor);
        statement.setObject(i++, timestamp(article.acceptedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(i, timestamp(article.appliedAt), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static final String EVENT_VALUES = """
            date_value = ?, granularity = ?, start_date = ?, end_date = ?, text = ?, representative_mention_id = ?,
            first_reported_at = ?, report_count = ?, outlet_count = ?, entities = cast(? as jsonb),
            entity_keys = cast(? as jsonb), version = ?, updated_at = ?""";

    private static void insertEvents(Connection connection, Collection<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event (date_value, granularity, start_date, end_date, text, representative_mention_id,
                                   first_reported_at, report_count, outlet_count, entities, entity_keys, version,
                                   updated_at, id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?)""")) {
            for (Event event : events) {
                setEvent(insert, event);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void updateEvents(Connection connection, Collection<Event> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("update event set " + EVENT_VALUES + " where id = ?")) {
            for (Event event : events) {
                setEvent(update, event);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The event's columns in the order of {@link #EVENT_VALUES}, then its id. */
    private static void setEvent(PreparedStatement statement, Event event) throws SQLException {
        statement.setString(1, event.date.value);
        statement.setString(2, event.date.granularity);
        statement.setObject(3, event.date.start);
        statement.setObject(4, event.date.end);
        statement.setString(5, event.text);
        statement.setObject(6, event.representativeMentionId, Types.BIGINT);
        statement.setObject(7, timestamp(event.firstReportedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setInt(8, event.reportCount);
        statement.setInt(9, event.outletCount);
        statement.setString(10, toJson(event.entities));
        statement.setString(11, toJson(event.entityKeys));
        statement.setLong(12, event.version);
        statement.setObject(13, timestamp(event.updatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setLong(14, event.id);
    }

    private static void insertMentions(Connection connection, List<EventMention> mentions) throws SQLException {
        if (mentions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event_mention (id, event_id, article_id, ordinal, text, date_value, granularity,
                    start_date, end_date, expression_text, expression_type, expression_value, expression_start,
                    expression_end, rule, sentence_start, sentence_end, entities, confidence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")) {
            for (EventMention mention : mentions) {
                int i = 1;
                insert.setLong(i++, mention.id);
                insert.setLong(i++, mention.event.id);
                insert.setString(i++, mention.article.id);
                insert.setInt(i++, mention.ordinal);
                insert.setString(i++, mention.text);
                insert.setString(i++, mention.date.value);
                insert.setString(i++, mention.date.granularity);
                insert.setObject(i++, mention.date.start);
                insert.setObject(i++, mention.date.end);
                insert.setString(i++, mention.expression.text);
                insert.setString(i++, mention.expression.type);
                insert.setString(i++, mention.expression.value);
                insert.setInt(i++, mention.expression.start);
                insert.setInt(i++, mention.expression.end);
                insert.setString(i++, mention.expression.rule);
                insert.setInt(i++, mention.sentenceStart);
                insert.setInt(i++, mention.sentenceEnd);
                insert.setString(i++, toJson(mention.entities));
                insert.setDouble(i, mention.confidence);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void moveMentions(Connection connection, Map<Long, Long> moved) throws SQLException {
        if (moved.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("update event_mention set event_id = ? where id = ?")) {
            for (Map.Entry<Long, Long> move : moved.entrySet()) {
                update.setLong(1, move.getValue());
                update.setLong(2, move.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void deleteEvents(Connection connection, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from event where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
