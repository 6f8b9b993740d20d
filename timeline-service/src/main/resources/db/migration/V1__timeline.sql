-- The timeline's read model, fed only by the articles topic (ingest-service owns the articles).
-- An event is a dated fact; a mention is one article's statement of it. Today every mention makes
-- its own event; cross-article deduplication will later attach several mentions to one event, which
-- is why the two are separate tables.

CREATE TABLE article (
    id           TEXT        PRIMARY KEY,          -- the article id from the message (also the Kafka key)
    version      BIGINT      NOT NULL,             -- highest version applied; orders an article's messages
    retracted    BOOLEAN     NOT NULL DEFAULT FALSE,
    url          TEXT,                             -- null for an article known only from a retraction
    title        TEXT,
    published_at TIMESTAMPTZ,
    source       TEXT,
    language     TEXT,
    content_hash TEXT,
    extractor    TEXT,
    accepted_at  TIMESTAMPTZ NOT NULL,             -- when ingest accepted the version held here
    applied_at   TIMESTAMPTZ NOT NULL              -- when this service applied it
);

CREATE SEQUENCE event_seq INCREMENT BY 50;

CREATE TABLE event (
    id          BIGINT PRIMARY KEY,
    date_value  TEXT   NOT NULL,                   -- TimeML value, e.g. 2025-02, 198, 1914-04/1914-11
    granularity TEXT   NOT NULL,
    start_date  DATE   NOT NULL,                   -- first day covered (inclusive)
    end_date    DATE   NOT NULL,                   -- last day covered (inclusive)
    text        TEXT   NOT NULL,
    CONSTRAINT event_date_range CHECK (start_date <= end_date)
);

-- The timeline's sort key and keyset pagination: (start, end, id).
CREATE INDEX event_timeline_idx ON event (start_date, end_date, id);

CREATE SEQUENCE event_mention_seq INCREMENT BY 50;

CREATE TABLE event_mention (
    id                BIGINT           PRIMARY KEY,
    event_id          BIGINT           NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    article_id        TEXT             NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    ordinal           INTEGER          NOT NULL,   -- index in the message's events array
    text              TEXT             NOT NULL,
    date_value        TEXT             NOT NULL,   -- the date as this article states it
    granularity       TEXT             NOT NULL,
    start_date        DATE             NOT NULL,
    end_date          DATE             NOT NULL,
    expression_text   TEXT             NOT NULL,
    expression_type   TEXT             NOT NULL,
    expression_value  TEXT             NOT NULL,
    expression_start  INTEGER          NOT NULL,   -- character offsets into the normalized article text
    expression_end    INTEGER          NOT NULL,
    rule              TEXT             NOT NULL,   -- extraction rule that found the expression
    sentence_start    INTEGER          NOT NULL,
    sentence_end      INTEGER          NOT NULL,
    entities          JSONB            NOT NULL DEFAULT '[]'::jsonb,
    confidence        DOUBLE PRECISION NOT NULL,
    CONSTRAINT event_mention_confidence CHECK (confidence BETWEEN 0 AND 1)
);

CREATE INDEX event_mention_article_idx ON event_mention (article_id);
CREATE INDEX event_mention_event_idx ON event_mention (event_id);
