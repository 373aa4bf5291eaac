-- Merge candidates by date window: an R*Tree of each dated event's type and
-- days (since 1970), so finding the events of one type whose dates reach a
-- claim's window costs the same in a store of a thousand events or a
-- million (the (event_type, date_start) index bounds the window on one side
-- only and walks every older event of the type). The type is a number: the
-- code point of its first letter, lower-cased (ACLED's six types differ in
-- it; a clash would only add candidates, which the query filters by name).
-- Triggers keep it in step with every write of events, whatever the path.
CREATE VIRTUAL TABLE events_when USING rtree_i32(id, type_lo, type_hi, first_day, last_day);

INSERT INTO events_when (id, type_lo, type_hi, first_day, last_day)
  SELECT rowid, unicode(lower(event_type)), unicode(lower(event_type)),
    CAST(julianday(date_start) - 2440587.5 AS INTEGER), CAST(julianday(date_end) - 2440587.5 AS INTEGER)
  FROM events WHERE julianday(date_start) IS NOT NULL AND julianday(date_end) IS NOT NULL;

CREATE TRIGGER events_when_insert AFTER INSERT ON events
  WHEN julianday(NEW.date_start) IS NOT NULL AND julianday(NEW.date_end) IS NOT NULL BEGIN
  INSERT OR REPLACE INTO events_when (id, type_lo, type_hi, first_day, last_day)
    VALUES (NEW.rowid, unicode(lower(NEW.event_type)), unicode(lower(NEW.event_type)),
      CAST(julianday(NEW.date_start) - 2440587.5 AS INTEGER), CAST(julianday(NEW.date_end) - 2440587.5 AS INTEGER));
END;
CREATE TRIGGER events_when_update AFTER UPDATE OF event_type, date_start, date_end ON events BEGIN
  DELETE FROM events_when WHERE id = OLD.rowid;
  INSERT INTO events_when (id, type_lo, type_hi, first_day, last_day)
    SELECT NEW.rowid, unicode(lower(NEW.event_type)), unicode(lower(NEW.event_type)),
      CAST(julianday(NEW.date_start) - 2440587.5 AS INTEGER), CAST(julianday(NEW.date_end) - 2440587.5 AS INTEGER)
    WHERE julianday(NEW.date_start) IS NOT NULL AND julianday(NEW.date_end) IS NOT NULL;
END;
CREATE TRIGGER events_when_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_when WHERE id = OLD.rowid;
END;
