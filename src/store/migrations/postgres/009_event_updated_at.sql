-- A stored event's record says when the event last changed: `updated_at`,
-- the time its row already kept, so an export (ACLED's `timestamp`) can give
-- each event its own time rather than the moment of export. The write path
-- sets both together, and only when re-deriving the event changed it.
-- Appended as the record's last key, the rest of its text as it was.
UPDATE events SET record = left(record, -1) || ',"updated_at":' || to_json(updated_at)::text || '}'
  WHERE record LIKE '{%}' AND (record::json ->> 'updated_at') IS NULL;
