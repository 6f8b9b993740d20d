package io.eventline.timeline.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.eventline.timeline.Event;
import io.eventline.timeline.EventFilter;
import io.eventline.timeline.PostgresDateJdbcType;
import io.eventline.timeline.TimelineCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Events, read and written. Every event row is on the timeline: the consumer deletes an event in the
 * transaction that removes its last mention, and a retracted article has no mentions.
 */
@ApplicationScoped
public class EventRepository implements PanacheRepository<Event> {

    /** The span classes of event periods longer than a day: cardinality(event_span_bounds()), V5__timeline_spans.sql. */
    private static final int SPAN_CLASSES = 7;
    /** The timeline order ({@link #timelineOrder}) of the rows of {@link #matchingInOrder}. */
    private static final String MATCHING_ORDER = timelineOrder("m");
    /** Key dates' order: more outlets, more reports, more recently first reported, then id (a total order). */
    private static final String KEY_DATE_ORDER = "order by d.outlet_count desc, d.report_count desc, d.first_reported_at desc, d.id";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The columns {@link #countQuery} selects: none of the event's. */
    private static final String COUNTED = "1";
    /** The columns of an {@link EventRow}, in the order {@link #rows} reads them, of event {@code e}. */
    private static final String LISTED = "e.id, e.date_value, e.granularity, e.start_date, e.end_date, e.text, "
            + "e.first_reported_at, e.report_count, e.outlet_count, e.entities";

    private final AgroalDataSource dataSource;

    EventRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Recomputes the full-text vector of the given events from all their mentions' vectors (each parsed
     * once, when the mention was written: V7__consumer_write_costs.sql). The ids go as one text
     * parameter: a transaction's events can be more than a statement's parameters.
     */
    public void updateSearch(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        update event e set search = coalesce(
                            (select tsvector_agg(m.search order by m.id) from event_mention m where m.event_id = e.id), '')
                        where e.id = any(cast(string_to_array(:ids, ',') as bigint[]))""")
                .setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .executeUpdate();
    }

    public Optional<Event> findVisible(long id) {
        return findByIdOptional(id);
    }

    /** The event's version, without reading the rest of it: enough to answer a conditional GET. */
    public Optional<Long> versionOf(long id) {
        return getEntityManager().createQuery("select e.version from Event e where e.id = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /**
     * Up to {@code limit} events matching the filter, in timeline order, after {@code after} when given.
     * With a {@code from} bound, the events that start before it and overlap it come first, then those
     * that start on or after it: see {@link #matchingInOrder}.
     */
    public List<EventRow> timeline(EventFilter filter, TimelineCursor after, int limit) {
        NativeSql query = timelineQuery(filter, after, limit);
        return Jdbc.work(dataSource, connection -> {
            planForTheseValues(filter, connection);
            return rows(query, connection);
        });
    }

    /**
     * A native query and its named parameters ({@code :name}), as a read runs it (the read benchmark EXPLAINs
     * these very queries). Run in plain JDBC: each name becomes a positional parameter.
     */
    public record NativeSql(String sql, Map<String, Object> parameters) {

        /**
         * The positional form of each SQL text met so far: a few per shape of filter (which parts it has, how many
         * entities): some tens in use, kept up to a bound (a few kB each); translating the text again at every read was 6 % of a page's CPU (JFR, ReadBenchmark).
         */
        private static final Map<String, Positional> POSITIONAL = new ConcurrentHashMap<>();
        private static final int MAX_POSITIONAL = 256;

        /** A SQL text with {@code ?} for its named parameters, and their names in order. */
        private record Positional(String sql, List<String> names) {

            static Positional of(String named) {
                StringBuilder positional = new StringBuilder(named.length());
                List<String> names = new ArrayList<>();
                int i = 0;
                while (i < named.length()) {
                    char c = named.charAt(i);
                    if (c == ':' && named.startsWith("::", i)) {   // a cast, not a parameter
                        positional.append("::");
                        i += 2;
                    } else if (c == ':' && i + 1 < named.length() && Character.isLetter(named.charAt(i + 1))) {
                        int end = i + 1;
                        while (end < named.length() && Character.isLetterOrDigit(named.charAt(end))) {
                            end++;
                        }
                        names.add(named.substring(i + 1, end));
                        positional.append('?');
                        i = end;
                    } else {
                        positional.append(c);
                        i++;
                    }
                }
                return new Positional(positional.toString(), List.copyOf(names));
            }
        }

        /** The statement of this SQL, prefixed with {@code prefix} (as by EXPLAIN), its parameters bound. */
        public PreparedStatement prepare(Connection connection, String prefix) throws SQLException {
            Positional positional = POSITIONAL.get(sql);
            if (positional == null) {
                positional = Positional.of(sql);
                if (POSITIONAL.size() < MAX_POSITIONAL) {
                    POSITIONAL.put(sql, positional);
                }
            }
            PreparedStatement statement = connection.prepareStatement(prefix + positional.sql());
            try {
                for (int p = 0; p < positional.names().size(); p++) {
                    String name = positional.names().get(p);
                    Object value = parameters.get(name);
                    if (value == null) {
                        throw new IllegalArgumentException("no value for :" + name);
                    }
                    bind(connection, statement, p + 1, value);
                }
                return statement;
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        }

        /** As the persistence layer binds them: days exactly (before AD 1 too), instants as timestamptz, lists as arrays. */
        private static void bind(Connection connection, PreparedStatement statement, int index, Object value) throws SQLException {
            if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Long[] ids) {
                statement.setArray(index, connection.createArrayOf("bigint", ids));
            } else if (value instanceof List<?> texts) {
                statement.setArray(index, connection.createArrayOf("text", texts.toArray()));
            } else {
                statement.setObject(index, value);   // LocalDate: exact, as PostgresDateJdbcType binds it
            }
        }
    }

    /** The rows of {@code query}, a selection of {@link #LISTED}. */
    private static List<EventRow> rows(NativeSql query, Connection connection) throws SQLException {
        List<EventRow> found = new ArrayList<>();
        try (PreparedStatement statement = query.prepare(connection, ""); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(new EventRow(rows.getLong(1), rows.getString(2), rows.getString(3),
                        PostgresDateJdbcType.read(rows, 4), PostgresDateJdbcType.read(rows, 5), rows.getString(6),
                        rows.getObject(7, OffsetDateTime.class).toInstant(), rows.getInt(8), rows.getInt(9),
                        Jdbc.entities(rows.getString(10))));
            }
        }
        return found;
    }

    /**
     * Has PostgreSQL plan the next statements of this transaction for their own parameter values when their
     * plan depends on them: full-text words (a common word or a rare one) and outlets. After five executions
     * of one statement the JDBC driver prepares it on the server, where a generic plan, the same for every
     * value, may then be chosen. A filter of dates, entities and a granularity keeps it: its parts are
     * range scans of the timeline, span or entity indexes that stop at the page's size, the same plan
     * whatever the values (at 1M events, forced generic and custom plans of the pages and capped totals of
     * {@code from=2015&to=2025}, {@code from=2025-01-01&to=2025-01-31}, {@code from=2000}, the deep page and
     * {@code granularity=day} read the same buffers, the counts over a decade 580 instead of 210), while planning
     * the eight parts of a {@code from} filter took 1 to 11 ms a read, more than executing them (0.3-1.5 ms).
     * (An entity is read from its rows of event_entity; before those, PostgreSQL's generic plan of a frequent
     * entity's capped total built bitmaps of 248,000 rows.)
     */
    private static void planForTheseValues(EventFilter filter, Connection connection) throws SQLException {
        if (filter.words() != null || !filter.outlets().isEmpty()) {
            try (PreparedStatement plan = connection.prepareStatement("select set_config('plan_cache_mode', 'force_custom_plan', true)")) {
                plan.execute();
            }
        }
    }

    /** The query of {@link #timeline}. */
    public static NativeSql timelineQuery(EventFilter filter, TimelineCursor after, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String sql = "select m.* from (" + matchingInOrder(filter, after, LISTED, true, parameters) + ") m"
                + MATCHING_ORDER + " limit :limit";
        parameters.put("limit", limit);
        return new NativeSql(sql, parameters);
    }

    /**
     * The events matching the filter (after the cursor when given), as a query whose parts each stop at
     * {@code :limit} rows; {@code ordered}, each part reads in timeline order, so the union holds the first
     * {@code :limit} events in that order (the caller orders it and limits it again). Without a
     * {@code from} bound, one part. With one, the events overlapping {@code from} may start long before it
     * (a decade...), and a scan of the timeline index from the start of the timeline would read every event
     * that ended before {@code from} to find them; instead:
     * <ul>
     *   <li>those starting on or after {@code from}: a range scan of event_timeline_idx from {@code from};
     *   <li>those starting before it: one part per span class (V5__timeline_spans.sql), a range scan of
     *       event_span_idx over the only days an event of that class overlapping {@code from} can start on.
     * </ul>
     * With entities, the same parts read the first entity's rows of event_entity instead, in the same order,
     * each joined to its event for the other conditions and the columns (a count of dates and entities only
     * reads the rows).
     * The class is a constant of each part's text, not a parameter, so that PostgreSQL estimates each part
     * from the statistics of its own window and picks its plan.
     */
    private static String matchingInOrder(EventFilter filter, TimelineCursor after, String columns, boolean ordered,
                                          Map<String, Object> parameters) {
        // k: the table read in timeline order; with an entity, that entity's rows of event_entity
        // (V6__entity_timelines.sql), whose index stops at the page's size however rarely it is named
        String table = "event e";
        String k = "e";
        StringBuilder conditions = new StringBuilder();
        if (!filter.entities().isEmpty()) {
            // every entity of the filter is answered by event_entity rows (one exists exactly when the event
            // names the entity): the first drives the read, the others are probes of its primary key. Not
            // event.entity_keys @> ...: PostgreSQL estimates that containment far too low for a frequent name
            // (4,643 rows for 33,614 at 1M events) and then drove a page from the GIN index, fetching every
            // event of the name (28,000 buffers, 450 ms) instead of reading the entity's rows in order
            k = "k";
            conditions.append(" and k.entity_key = :entityKey");
            parameters.put("entityKey", filter.entities().get(0));
            for (int i = 1; i < filter.entities().size(); i++) {
                conditions.append(" and exists (select 1 from event_entity o where o.id = k.id and o.entity_key = :entityKey")
                        .append(i).append(")");
                parameters.put("entityKey" + i, filter.entities().get(i));
            }
            // a count of dates and entities asks nothing of the event itself: it counts index entries of
            // event_entity (at 1M events, a frequent entity's capped total read 4,030 buffers joined to event)
            boolean eventNeeded = !columns.equals(COUNTED) || filter.words() != null || !filter.outlets().isEmpty()
                    || filter.granularity() != null;
            table = eventNeeded ? "event_entity k join event e on e.id = k.id" : "event_entity k";
        }
        appendFilter(filter, k, false, conditions, parameters);   // its entities: answered above
        appendAfter(after, k, conditions, parameters);
        String order = ordered ? timelineOrder(k) : "";
        String select = "select " + columns + " from " + table + " where ";
        if (filter.from() == null) {
            return select + "true" + conditions + order + " limit :limit";
        }
        StringBuilder sql = new StringBuilder("(" + select + k + ".start_date >= :from" + conditions + order + " limit :limit)");
        for (int spanClass = 1; spanClass <= SPAN_CLASSES; spanClass++) {
            sql.append(" union all (").append(select).append(k).append(".end_date > ").append(k).append(".start_date")
                    .append(" and event_span_class(").append(k).append(".start_date, ").append(k).append(".end_date) = ").append(spanClass)
                    .append(" and ").append(k).append(".start_date >= coalesce(cast(:from as date) - ((event_span_bounds())[")
                    .append(spanClass + 1).append("] - 1), cast('-infinity' as date)) and ").append(k).append(".start_date < :from")
                    .append(conditions).append(order).append(" limit :limit)");
        }
        return sql.toString();
    }

    /**
     * The timeline order: start, coarser before finer (later end first), first reported, id; of the rows
     * of table alias {@code k} (event, or event_entity: the same columns).
     */
    private static String timelineOrder(String k) {
        return " order by " + k + ".start_date, " + k + ".end_date desc, " + k + ".first_reported_at, " + k + ".id";
    }

    /**
     * Keyset: strictly after the cursor's event in the timeline order (note "end_date <": later end first).
     * "start_date >= :afterStart" is implied by the rest, but only it bounds the index scan: without it
     * the scan starts at the filter's first event and reads every earlier page again (O(depth)).
     */
    private static void appendAfter(TimelineCursor after, String k, StringBuilder sql, Map<String, Object> parameters) {
        if (after == null) {
            return;
        }
        sql.append(" ").append("""
                 and e.start_date >= :afterStart
                 and (e.start_date > :afterStart or (e.start_date = :afterStart and (e.end_date < :afterEnd
                      or (e.end_date = :afterEnd and (e.first_reported_at > :afterFirst
                          or (e.first_reported_at = :afterFirst and e.id > :afterId))))))"""
                .replace("e.", k + "."));   // the columns of the table read in order
        parameters.put("afterStart", after.start());
        parameters.put("afterEnd", after.end());
        parameters.put("afterFirst", after.firstReportedAt());
        parameters.put("afterId", after.id());
    }

    /**
     * Those of the given events that match the filter, in no particular order. The ids go as one array
     * parameter: one SQL text whatever their number (an {@code in} list made a text, and a prepared
     * statement on the server, per length).
     */
    public List<EventRow> matching(EventFilter filter, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select " + LISTED + " from event e where e.id = any(:ids)");
        parameters.put("ids", ids.toArray(Long[]::new));
        appendFilter(filter, "e", sql, parameters);
        return Jdbc.work(dataSource, connection -> rows(new NativeSql(sql.toString(), parameters), connection));
    }

    /**
     * The {@code limit} most important dates of the filtered timeline, each by its most important event,
     * most important first. A date is a date value at its granularity ("2025-02-19", "2025-02", ...);
     * an event's importance: more distinct outlets, then more reports, then the more recent first report
     * (then the smaller id, so the order is total); a date's importance is its top event's.
     */
    public List<EventRow> keyDates(EventFilter filter, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder ranked = new StringBuilder("""
                select e.id, e.outlet_count, e.report_count, e.first_reported_at,
                       row_number() over (partition by e.date_value, e.granularity
                                          order by e.outlet_count desc, e.report_count desc, e.first_reported_at desc, e.id) as place
                from event e where true""");
        appendFilter(filter, "e", ranked, parameters);
        String sql = "select " + LISTED + " from event e join (select d.id, row_number() over (" + KEY_DATE_ORDER + ") as importance from ("
                + ranked + ") d where d.place = 1 " + KEY_DATE_ORDER + " limit :limit) k on k.id = e.id order by k.importance";
        parameters.put("limit", limit);
        return Jdbc.work(dataSource, connection -> rows(new NativeSql(sql, parameters), connection));
    }

    /**
     * How many events match the filter, counting no further than {@code limit}: the count reads at most
     * that many rows, however many match.
     */
    public long countUpTo(EventFilter filter, int limit) {
        NativeSql query = countQuery(filter, limit);
        return Jdbc.work(dataSource, connection -> {
            planForTheseValues(filter, connection);
            try (PreparedStatement statement = query.prepare(connection, ""); ResultSet count = statement.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        });
    }

    /** The query of {@link #countUpTo}. */
    public static NativeSql countQuery(EventFilter filter, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String sql = "select count(*) from (select 1 from (" + matchingInOrder(filter, null, COUNTED, false, parameters) + ") m limit :limit) c";
        parameters.put("limit", limit);
        return new NativeSql(sql, parameters);
    }

    /**
     * The filter's conditions on event e, its date bounds on {@code k} (e, or the event_entity rows read
     * in its place: the same dates); every value is a bound parameter, never SQL text.
     */
    private static void appendFilter(EventFilter filter, String k, StringBuilder sql, Map<String, Object> parameters) {
        appendFilter(filter, k, true, sql, parameters);
    }

    /** As above; without {@code entityKeys}, the caller answers the filter's entities itself. */
    private static void appendFilter(EventFilter filter, String k, boolean entityKeys, StringBuilder sql,
                                     Map<String, Object> parameters) {
        if (filter.from() != null) {
            sql.append(" and ").append(k).append(".end_date >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and ").append(k).append(".start_date <= :to");
            parameters.put("to", filter.to());
        }
        if (entityKeys && !filter.entities().isEmpty()) {
            sql.append(" and e.entity_keys @> cast(:entityKeys as jsonb)");
            parameters.put("entityKeys", json(filter.entities()));
        }
        if (filter.words() != null) {
            sql.append(" and e.search @@ plainto_tsquery('english', :words)");
            parameters.put("words", filter.words());
        }
        if (!filter.outlets().isEmpty()) {
            sql.append(" ").append("""
                     and exists (select 1 from event_mention m join article a on a.id = m.article_id
                                 where m.event_id = e.id and lower(a.source) = any(:outlets))""");
            parameters.put("outlets", filter.outlets());
        }
        if (filter.granularity() != null) {
            sql.append(" and e.granularity = :granularity");
            parameters.put("granularity", filter.granularity());
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
