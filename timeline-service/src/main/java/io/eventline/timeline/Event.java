package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A dated fact on the timeline. Articles state it through {@link EventMention}s; an event exists only
 * while at least one mention does. (Each mention makes its own event for now; merging the mentions of
 * several articles into one event comes with cross-article deduplication.)
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    public Long id;

    @Embedded
    public EventDate date;

    @Column(nullable = false)
    public String text;
}
