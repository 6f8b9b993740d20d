-- A timeline read with a `from` bound lists first the events that start before `from` and still
-- overlap it (a decade, a century, a long interval), then those that start on or after it. The
-- second are an index range scan of event_timeline_idx from `from`; the first cannot be found that
-- way (the index is ordered by start, so they are mixed with every event that ended long before
-- `from`, half a million index entries at 1M events). They are found by span classes instead: the
-- events whose period is n days long (n = end_date - start_date) in class k, n at most
-- event_span_bounds()[k + 1] - 1, and overlapping `from` can only start in the last
-- event_span_bounds()[k + 1] - 1 days before it, a window of at most twice their own length.

-- The lower bounds of the classes' lengths: 1 to 6 days (weeks), to 30 (months), to 92 (quarters,
-- seasons), to 366 (years), to 3,653 (decades), to 36,525 (centuries), then longer (no bound).
CREATE FUNCTION event_span_bounds() RETURNS INTEGER[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY[1, 7, 31, 93, 367, 3654, 36526];

-- The class of a period: 0 for one day (it overlaps `from` only if it starts on it), else 1 to 7.
CREATE FUNCTION event_span_class(start_date DATE, end_date DATE) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN width_bucket(end_date - start_date, event_span_bounds());

-- Per class, in timeline order (so each class's part of a page is an ordered range scan, stopped at
-- the page's size); one-day events, most of them, are left out: they never start before a `from`
-- they overlap.
CREATE INDEX event_span_idx ON event (event_span_class(start_date, end_date), start_date, end_date DESC, first_reported_at, id)
    WHERE end_date > start_date;
