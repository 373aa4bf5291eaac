-- requires: postgis
-- Applied only where the postgis extension is installed in the database
-- (CREATE EXTENSION postgis needs a superuser; see docs/DEPLOY.md); without
-- it, bounding-box filters use events_lat_lon. Applied on the first open
-- after the extension appears.
ALTER TABLE events ADD COLUMN geom geometry(Point, 4326)
  GENERATED ALWAYS AS (CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED;
CREATE INDEX events_geom ON events USING gist(geom);
