package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/**
 * One article's statement of an {@link Event}: its own text, date and the offsets of where it was
 * found, so a later deduplication can merge events without losing what each article said.
 */
@Entity
@Table(name = "event_mention")
public class EventMention {

    @Id
    @SequenceGenerator(name = "event_mention_seq", sequenceName = "event_mention_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_mention_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    /** Position in the message's events array, to keep the article's own order. */
    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String text;

    @Embedded
    public EventDate date;

    @Embedded
    public TemporalExpression expression;

    @Column(name = "sentence_start", nullable = false)
    public int sentenceStart;

    @Column(name = "sentence_end", nullable = false)
    public int sentenceEnd;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<MentionedEntity> entities;

    @Column(nullable = false)
    public double confidence;
}
