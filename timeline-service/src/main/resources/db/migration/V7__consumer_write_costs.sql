-- Three costs of the consumer's transactions, found in pg_stat_statements under ConsumptionBenchmark
-- (timeline-service/README.md, "What PostgreSQL spent").

-- 1. Deleting a mention (an updated or retracted article) makes PostgreSQL set to null the
-- representative_mention_id of the events naming it (the foreign key's ON DELETE SET NULL, an action
-- that runs at once even though the constraint is deferred). Without an index that is a scan of the
-- whole event table per deleted mention: 3 ms each at 9,000 events, a second per updated article at
-- a million.
CREATE INDEX event_representative_idx ON event (representative_mention_id);

-- 2. An event's full-text vector covers all its mentions' texts, and was recomputed from those texts
-- (to_tsvector over their concatenation) each time a transaction touched the event: a merged event's
-- texts were parsed again every time a report joined it or a neighbour was regrouped, some six times
-- per mention on average, and the update was a third of PostgreSQL's time. Each mention's vector is
-- now parsed once, when the mention is written, and an event's is the concatenation of its mentions'
-- (tsvector_agg, in mention id order). The lexemes are the same as before; only their positions can
-- differ (a concatenation shifts the positions of its right part), which no read uses: q= matches
-- with plainto_tsquery, which ignores positions.
ALTER TABLE event_mention
    ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED;

CREATE AGGREGATE tsvector_agg(TSVECTOR) (
    SFUNC = tsvector_concat,
    STYPE = TSVECTOR,
    INITCOND = ''
);

-- 3. A mention's candidate events are those overlapping its date, the closest in length first (the
-- consumer's candidate query, ConsumerRows.candidates). The period index found every overlapping
-- event and PostgreSQL sorted them all for the first 200: a day of a busy year overlaps every event
-- of that year's months and of the year itself, tens of thousands at a million events (0.5 s a day).
-- With the length in the same GiST index (an integer column needs btree_gist's operator class, whose
-- <-> is the absolute difference), the index gives the overlapping events nearest in length first and
-- the scan stops at the limit: the same events in the same order, a few ms.
CREATE EXTENSION IF NOT EXISTS btree_gist;
DROP INDEX event_period_idx;
CREATE INDEX event_period_length_idx ON event USING gist (daterange(start_date, end_date, '[]'), (end_date - start_date));
