-- The visible events' date index also holds each event's point: a bounding
-- box listed by date walks it in the list's order (event_date, then rowid)
-- and tests each entry's point without reading the event's row (the walk
-- used to read one event row per entry, ~5,000 rows for a 10° box at a
-- million events). It replaces the date-only index, which served the same
-- orders, so a write updates no more indexes than before.
DROP INDEX events_visible_date;
CREATE INDEX events_visible_date_place ON events(event_date, rowid, lat, lon) WHERE review_state != 'rejected';
