-- Cross-article deduplication: an event row is now the merged event of all the mentions (reports)
-- that the deduplication (io.eventline.timeline.dedup) judged to be the same happening. Every
-- column below is derived from the event's current mentions by MergedEvent and rewritten whenever
-- a mention joins or leaves (never patched), so it cannot drift from them.

ALTER TABLE event
    -- The mention whose text the event shows (Representative: the medoid of the reports). Deferred,
    -- because a new event and its first mention are inserted in the same flush, event first; SET NULL
    -- because an article's old mentions are deleted before their events are re-derived.
    ADD COLUMN representative_mention_id BIGINT
        REFERENCES event_mention (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    ADD COLUMN first_reported_at TIMESTAMPTZ,                   -- earliest publication time of its sources
    ADD COLUMN report_count      INTEGER     NOT NULL DEFAULT 1,
    ADD COLUMN outlet_count      INTEGER     NOT NULL DEFAULT 1, -- distinct article.source, case-insensitive
    ADD COLUMN entities          JSONB       NOT NULL DEFAULT '[]'::jsonb, -- union of the mentions' entities, as shown
    -- The same union as lower-case names (a JSON array of strings), for the entity filter:
    -- "mentions all of these" is containment, entity_keys @> '["mexico","trump"]', which a GIN
    -- jsonb_path_ops index answers without touching the mentions.
    ADD COLUMN entity_keys       JSONB       NOT NULL DEFAULT '[]'::jsonb,
    -- The words of all its mentions' texts (not only the representative's: a search for a word one
    -- outlet used must find the merged event), for q= with plainto_tsquery('english', ...).
    ADD COLUMN search            TSVECTOR    NOT NULL DEFAULT ''::tsvector,
    -- Bumped on every re-derivation: the event's strong ETag is "id.version".
    ADD COLUMN version           BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN updated_at        TIMESTAMPTZ NOT NULL DEFAULT now();

-- Until now every event had exactly one mention: derive the new columns from it.
UPDATE event e
SET representative_mention_id = m.id,
    first_reported_at         = coalesce(a.published_at, a.accepted_at),
    entities                  = m.entities,
    entity_keys               = coalesce((SELECT jsonb_agg(DISTINCT lower(btrim(x ->> 'text')))
                                          FROM jsonb_array_elements(m.entities) x), '[]'::jsonb),
    search                    = to_tsvector('english', m.text)
FROM event_mention m
JOIN article a ON a.id = m.article_id
WHERE m.event_id = e.id;

UPDATE event SET first_reported_at = updated_at WHERE first_reported_at IS NULL;
ALTER TABLE event ALTER COLUMN first_reported_at SET NOT NULL;

-- The timeline order and the cursor's key: start, coarser before finer (later end first), first
-- reported, id. Replaces the (start, end, id) index of V1.
DROP INDEX event_timeline_idx;
CREATE INDEX event_timeline_idx ON event (start_date, end_date DESC, first_reported_at, id);

-- Candidate events of a new mention are those whose period overlaps the mention's: a range overlap
-- (&&) a B-tree cannot bound on both sides, a GiST index on the period can.
CREATE INDEX event_period_idx ON event USING gist (daterange(start_date, end_date, '[]'));

CREATE INDEX event_entity_keys_idx ON event USING gin (entity_keys jsonb_path_ops);
CREATE INDEX event_search_idx ON event USING gin (search);

-- source= (an outlet) is matched through the mentions' articles; this lets the planner start from
-- the outlet's articles when the outlet is rare, instead of probing every event in timeline order.
CREATE INDEX article_source_idx ON article (lower(source));

-- The event change log: one row per event added, changed, merged into another, or removed, written
-- in the transaction that made the change (so it is exactly as complete as the events). Readers page
-- it by seq (GET /changes?since=seq, SSE). seq is monotonic in commit order too: the writers append
-- their rows at the very end of their transaction under one advisory lock held until commit (see
-- EventChangeLog), so a reader that has seen seq n can never later find a row below n appear.
CREATE TABLE event_change (
    seq           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      BIGINT      NOT NULL,              -- no foreign key: removed events are gone
    kind          TEXT        NOT NULL,
    merged_into   BIGINT,                            -- the event that took its mentions, for 'merged'
    event_version BIGINT,                            -- event.version after the change; null once gone
    start_date    DATE        NOT NULL,              -- its period (the last one, for removed/merged),
    end_date      DATE        NOT NULL,              -- so a feed filtered by dates needs no join
    changed_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT event_change_kind CHECK (kind IN ('added', 'changed', 'merged', 'removed')),
    CONSTRAINT event_change_merged_into CHECK ((kind = 'merged') = (merged_into IS NOT NULL))
);

CREATE INDEX event_change_event_idx ON event_change (event_id, seq);

-- The events that exist already are, for a reader starting from seq 0, added.
INSERT INTO event_change (event_id, kind, event_version, start_date, end_date, changed_at)
SELECT id, 'added', version, start_date, end_date, updated_at FROM event ORDER BY id;
