package io.eventline.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An article as last applied from the articles topic. Its row outlives a retraction (as a
 * tombstone holding the retraction's version) so that an older version delivered late cannot
 * bring the article's events back.
 */
@Entity
@Table(name = "article")
public class Article {

    @Id
    public String id;

    /** Highest version applied; a message with a version not above it is ignored. */
    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public boolean retracted;

    public String url;

    public String title;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The outlet, e.g. "Reuters". */
    public String source;

    public String language;

    @Column(name = "content_hash")
    public String contentHash;

    public String extractor;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
}
