package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * A real-world happening on the timeline: the merged event of every {@link EventMention} the
 * deduplication judged to report it, from any number of articles. It exists only while at least one
 * mention does, and everything it shows is re-derived from its mentions whenever one joins or leaves
 * ({@code service.EventMerger}). Its {@code search} column (the words of all its mentions) is not
 * mapped: the database computes it from the mentions.
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    public Long id;

    /** The narrowest date of its mentions (they nest, so every mention's date contains it). */
    @Embedded
    public EventDate date;

    /** The representative mention's text. */
    @Column(nullable = false)
    public String text;

    @Column(name = "representative_mention_id")
    public Long representativeMentionId;

    @Column(name = "first_reported_at", nullable = false)
    public Instant firstReportedAt;

    @Column(name = "report_count", nullable = false)
    public int reportCount;

    @Column(name = "outlet_count", nullable = false)
    public int outletCount;

    /** The union of its mentions' entities, one per name (case-insensitive). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<MentionedEntity> entities;

    /** The same names in lower case, for the entity filter (containment on a GIN index). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "entity_keys", nullable = false)
    public List<String> entityKeys;

    /** Incremented at every re-derivation; with the id, the event's ETag. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
