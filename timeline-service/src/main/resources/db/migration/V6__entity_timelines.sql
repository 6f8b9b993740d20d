-- A timeline of an entity ("every event naming Sheinbaum, 2015-2025") is a dashboard's most common
-- read. Filtered on event.entity_keys, its first page walks event_timeline_idx in order and drops
-- every event not naming the entity: for a rarely named one, tens of thousands of index entries and
-- heap rows per page at 1M events (a GIN index finds the entity's events, but in no order, so
-- PostgreSQL has to fetch and sort all of them). event_entity is the same ordering, per entity: one
-- row per (event, entity key) with the event's sort key, so that a page of an entity's timeline is
-- an ordered index range scan that stops at the page's size, and its capped total counts index
-- entries of that entity only.
--
-- The rows are derived from event by a trigger, in the transaction that changes the event, so reads
-- never see them disagree and no writer has to remember them. The event's id is named id here too,
-- so a read's keyset conditions and order are the same text on either table.
CREATE TABLE event_entity (
    entity_key        TEXT        NOT NULL,
    id                BIGINT      NOT NULL,
    start_date        DATE        NOT NULL,
    end_date          DATE        NOT NULL,
    first_reported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, entity_key)
);

-- An entity's events in timeline order (start, coarser first, first reported, id).
CREATE INDEX event_entity_timeline_idx ON event_entity (entity_key, start_date, end_date DESC, first_reported_at, id);

-- The same per span class (V5__timeline_spans.sql), for the events that start before a `from` bound
-- and still overlap it.
CREATE INDEX event_entity_span_idx
    ON event_entity (entity_key, event_span_class(start_date, end_date), start_date, end_date DESC, first_reported_at, id)
    WHERE end_date > start_date;

CREATE FUNCTION event_entity_sync() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    -- most updates of an event (a report joins, the text or counts change) leave its entities and sort key alone
    IF TG_OP = 'UPDATE' AND NEW.entity_keys = OLD.entity_keys AND NEW.start_date = OLD.start_date
            AND NEW.end_date = OLD.end_date AND NEW.first_reported_at = OLD.first_reported_at THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM event_entity WHERE id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO event_entity (entity_key, id, start_date, end_date, first_reported_at)
        SELECT DISTINCT k, NEW.id, NEW.start_date, NEW.end_date, NEW.first_reported_at
        FROM jsonb_array_elements_text(NEW.entity_keys) AS k;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER event_entity_sync AFTER INSERT OR UPDATE OR DELETE ON event
    FOR EACH ROW EXECUTE FUNCTION event_entity_sync();

INSERT INTO event_entity (entity_key, id, start_date, end_date, first_reported_at)
SELECT DISTINCT k, e.id, e.start_date, e.end_date, e.first_reported_at
FROM event e CROSS JOIN LATERAL jsonb_array_elements_text(e.entity_keys) AS k;
