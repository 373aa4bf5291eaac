-- Merge candidates by date window: a GiST index of each event's days, so
-- finding the events whose dates reach a claim's window costs the same in a
-- store of a thousand events or a million (the (type, date_start) index
-- bounds the window on one side only and walks every older event of the
-- type). sitrep_window gives NULL, never an error, for dates that are
-- missing, malformed or out of order, so no write can fail on it.
CREATE FUNCTION sitrep_window(first text, last text) RETURNS daterange LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF first !~ '^\d{4}-\d{2}-\d{2}' OR last !~ '^\d{4}-\d{2}-\d{2}' THEN RETURN NULL; END IF;
  RETURN daterange(make_date(substr(first, 1, 4)::int, substr(first, 6, 2)::int, substr(first, 9, 2)::int),
                   make_date(substr(last, 1, 4)::int, substr(last, 6, 2)::int, substr(last, 9, 2)::int), '[]');
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;
CREATE INDEX events_window ON events USING gist (sitrep_window(date_start, date_end));
