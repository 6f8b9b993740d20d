package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * A timeline a newsroom keeps: a name and a stored filter of the events, read, exported and followed
 * (change feed, stream) like the filtered {@code /api/v1/events}. The filter is kept as the client
 * gave it (dates in the forms of {@code from}/{@code to} of /api/v1/events), so it reads back unchanged.
 */
@Entity
@Table(name = "saved_timeline")
public class SavedTimeline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> entities;

    /** The {@code q} of /events: words every event's reports must contain. */
    public String words;

    @Column(name = "from_value")
    public String from;

    @Column(name = "to_value")
    public String to;

    /** Outlets: events reported by any of them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> sources;

    /** Bumped by every update: the ETag, and what change feed cursors are bound to. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
