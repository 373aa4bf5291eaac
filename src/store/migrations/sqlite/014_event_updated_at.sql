-- A stored event's record says when the event last changed: `updated_at`,
-- the time its events row already kept, so an export (ACLED's `timestamp`)
-- can give each event its own time rather than the moment of export. The
-- write path sets both together, and only when re-deriving the event
-- changed it. Appended as the record's last key, the rest of its text as it was.
UPDATE event_records SET record = substr(record, 1, length(record) - 1) || ',"updated_at":' || json_quote(e.updated_at) || '}'
  FROM events e WHERE e.rowid = event_records.rowid AND json_type(record, '$.updated_at') IS NULL AND record LIKE '{%}';
