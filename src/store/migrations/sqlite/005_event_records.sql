-- An event's full record (a few KB of JSON) moves out of the events table:
-- what lists filter and sort on stays small enough (≈ 270 bytes a row) to sit
-- in memory at a million events, so a filter that must visit rows stays
-- cheap, and pages fetch just the records they show.
CREATE TABLE event_records (
  rowid  INTEGER PRIMARY KEY REFERENCES events(rowid) ON DELETE CASCADE,
  record TEXT NOT NULL
);
INSERT INTO event_records (rowid, record) SELECT rowid, record FROM events;
ALTER TABLE events DROP COLUMN record;

-- Country and type over a date range, the dashboard's usual combination;
-- fatalities_low lets that set be counted and sorted by figures from the index alone.
CREATE INDEX events_visible_country_type ON events(country, event_type, event_date, fatalities_low) WHERE review_state != 'rejected';
