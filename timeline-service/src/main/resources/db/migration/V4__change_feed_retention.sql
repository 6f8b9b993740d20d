-- The change feed of saved timelines (GET /api/v1/timelines/{id}/changes, /stream) reads event_change
-- from a cursor; the log is pruned to eventline.timeline.changes.retention (ChangeLogPruner).

-- How far the change log has been pruned: a feed cursor at or above up_to_seq has lost nothing, one
-- below it has (410). Kept apart from the log because seq has gaps (an aborted transaction burns
-- identity values), so the oldest kept row cannot tell whether rows before it were pruned.
CREATE TABLE event_change_pruned (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    up_to_seq BIGINT  NOT NULL
);
INSERT INTO event_change_pruned (up_to_seq) VALUES (0);

-- Pruning deletes by age.
CREATE INDEX event_change_changed_at_idx ON event_change (changed_at);
