-- An actor's events in date order straight from the index: each name row
-- carries its event's date and visibility (saveEvent rewrites an event's
-- names on every change, so they stay in step). event_date is '' for an
-- undated event, which sorts where NULL would: first ascending, last descending.
CREATE TABLE event_actors_by_date (
  name        TEXT NOT NULL COLLATE NOCASE,
  visible     INTEGER NOT NULL,
  event_date  TEXT NOT NULL,
  event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
  PRIMARY KEY (name, visible, event_date, event_rowid)
) WITHOUT ROWID;
INSERT INTO event_actors_by_date (name, visible, event_date, event_rowid)
  SELECT a.name, e.review_state != 'rejected', coalesce(e.event_date, ''), a.event_rowid FROM event_actors a JOIN events e ON e.rowid = a.event_rowid;
DROP TABLE event_actors;
ALTER TABLE event_actors_by_date RENAME TO event_actors;
CREATE INDEX event_actors_event ON event_actors(event_rowid);
