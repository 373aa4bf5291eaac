-- Merge candidates by date window and place: the R*Tree of migration 008
-- also holds each event's point (a box of the whole world when it has none,
-- since an event without a place may join any claim), so the events a claim
-- is compared with are found by type, days and distance at once. It used to
-- give every event of the type in the date window (≈ 400 at 100,000
-- events), each then read from the events table to test its place. Its
-- coordinates are 32-bit floats rounded outwards, so it finds a superset:
-- the query still tests each event's exact point.
DROP TRIGGER events_when_insert;
DROP TRIGGER events_when_update;
DROP TRIGGER events_when_delete;
DROP TABLE events_when;
CREATE VIRTUAL TABLE events_when USING rtree(id, type_lo, type_hi, first_day, last_day, lat_lo, lat_hi, lon_lo, lon_hi);

INSERT INTO events_when (id, type_lo, type_hi, first_day, last_day, lat_lo, lat_hi, lon_lo, lon_hi)
  SELECT rowid, unicode(lower(event_type)), unicode(lower(event_type)),
    CAST(julianday(date_start) - 2440587.5 AS INTEGER), CAST(julianday(date_end) - 2440587.5 AS INTEGER),
    iif(lat IS NULL OR lon IS NULL, -90, lat), iif(lat IS NULL OR lon IS NULL, 90, lat),
    iif(lat IS NULL OR lon IS NULL, -180, lon), iif(lat IS NULL OR lon IS NULL, 180, lon)
  FROM events WHERE julianday(date_start) IS NOT NULL AND julianday(date_end) IS NOT NULL;

CREATE TRIGGER events_when_insert AFTER INSERT ON events
  WHEN julianday(NEW.date_start) IS NOT NULL AND julianday(NEW.date_end) IS NOT NULL BEGIN
  INSERT OR REPLACE INTO events_when (id, type_lo, type_hi, first_day, last_day, lat_lo, lat_hi, lon_lo, lon_hi)
    VALUES (NEW.rowid, unicode(lower(NEW.event_type)), unicode(lower(NEW.event_type)),
      CAST(julianday(NEW.date_start) - 2440587.5 AS INTEGER), CAST(julianday(NEW.date_end) - 2440587.5 AS INTEGER),
      iif(NEW.lat IS NULL OR NEW.lon IS NULL, -90, NEW.lat), iif(NEW.lat IS NULL OR NEW.lon IS NULL, 90, NEW.lat),
      iif(NEW.lat IS NULL OR NEW.lon IS NULL, -180, NEW.lon), iif(NEW.lat IS NULL OR NEW.lon IS NULL, 180, NEW.lon));
END;
CREATE TRIGGER events_when_update AFTER UPDATE OF event_type, date_start, date_end, lat, lon ON events BEGIN
  DELETE FROM events_when WHERE id = OLD.rowid;
  INSERT INTO events_when (id, type_lo, type_hi, first_day, last_day, lat_lo, lat_hi, lon_lo, lon_hi)
    SELECT NEW.rowid, unicode(lower(NEW.event_type)), unicode(lower(NEW.event_type)),
      CAST(julianday(NEW.date_start) - 2440587.5 AS INTEGER), CAST(julianday(NEW.date_end) - 2440587.5 AS INTEGER),
      iif(NEW.lat IS NULL OR NEW.lon IS NULL, -90, NEW.lat), iif(NEW.lat IS NULL OR NEW.lon IS NULL, 90, NEW.lat),
      iif(NEW.lat IS NULL OR NEW.lon IS NULL, -180, NEW.lon), iif(NEW.lat IS NULL OR NEW.lon IS NULL, 180, NEW.lon)
    WHERE julianday(NEW.date_start) IS NOT NULL AND julianday(NEW.date_end) IS NOT NULL;
END;
CREATE TRIGGER events_when_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_when WHERE id = OLD.rowid;
END;
