-- sitrep schema v1 (PostgreSQL): the same tables and meanings as
-- migrations/sqlite/001_init.sql. Text ids are the public ids; `seq` plays
-- the part of SQLite's rowid (insertion order, stable tie-breaks).
-- Case-insensitive columns of the SQLite schema (COLLATE NOCASE) are matched
-- through lower() here, with expression indexes.

CREATE TABLE documents (
  seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id            text NOT NULL UNIQUE,
  title         text,
  source        text,
  url           text,
  canonical_url text,
  published     text,
  language      text NOT NULL,
  text          text NOT NULL,
  content_hash  text NOT NULL UNIQUE,
  minhash       bytea,
  warnings      text NOT NULL DEFAULT '[]',
  ingested_at   text NOT NULL
);
CREATE INDEX documents_canonical_url ON documents(canonical_url);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE document_copies (
  document_id   text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  canonical_url text NOT NULL DEFAULT '',
  content_hash  text NOT NULL,
  url           text,
  source        text,
  title         text,
  published     text,
  similarity    double precision NOT NULL,
  seen_at       text NOT NULL,
  PRIMARY KEY (document_id, canonical_url, content_hash)
);
CREATE INDEX document_copies_url ON document_copies(canonical_url);

CREATE TABLE document_bands (
  band        integer NOT NULL,
  hash        bigint NOT NULL,
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, document_id)
);

CREATE TABLE sentences (
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  start       integer NOT NULL,
  "end"       integer NOT NULL,
  PRIMARY KEY (document_id, idx)
);

CREATE TABLE spans (
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  start       integer NOT NULL,
  "end"       integer NOT NULL,
  label       text,
  sentence    integer,
  PRIMARY KEY (document_id, kind, start, "end")
);

CREATE TABLE claims (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal     integer NOT NULL,
  outlet      text,
  claimed_by  text,
  sentence    text NOT NULL,
  start       integer NOT NULL,
  "end"       integer NOT NULL,
  record      text NOT NULL,
  created_at  text NOT NULL
);
CREATE INDEX claims_document ON claims(document_id);

CREATE TABLE events (
  seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id              text PRIMARY KEY,
  event_date      text COLLATE "C",
  date_start      text COLLATE "C",
  date_end        text COLLATE "C",
  event_type      text NOT NULL,
  sub_event_type  text NOT NULL,
  country         text,
  admin1          text,
  actor1          text,
  actor2          text,
  lat             double precision,
  lon             double precision,
  fatalities_low  integer,
  fatalities_best integer,
  fatalities_high integer,
  has_fatalities  boolean NOT NULL DEFAULT false,
  confidence      double precision NOT NULL,
  review_state    text NOT NULL DEFAULT 'unreviewed',
  source_count    integer NOT NULL,
  document_ids    text NOT NULL,
  record          text NOT NULL,
  search          tsvector NOT NULL,
  created_at      text NOT NULL,
  updated_at      text NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_type_date ON events(lower(event_type), event_date);
CREATE INDEX events_subtype_date ON events(lower(sub_event_type), event_date);
CREATE INDEX events_country_date ON events(lower(country), event_date);
CREATE INDEX events_admin1_date ON events(lower(admin1), event_date);
CREATE INDEX events_fatalities ON events(fatalities_low);
CREATE INDEX events_confidence ON events(confidence);
CREATE INDEX events_review_date ON events(review_state, event_date);
CREATE INDEX events_block ON events(lower(event_type), date_start);
-- the plain spatial index; 003_postgis adds a GiST index when PostGIS is there
CREATE INDEX events_lat_lon ON events(lat, lon);
CREATE INDEX events_search ON events USING gin(search);

CREATE TABLE event_actors (
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name     text NOT NULL,
  PRIMARY KEY (event_id, name)
);
CREATE INDEX event_actors_name ON event_actors(lower(name) text_pattern_ops);

CREATE TABLE merges (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  merged_at    text NOT NULL,
  claim_ids    text NOT NULL,
  document_ids text NOT NULL,
  features     text NOT NULL,
  score        double precision NOT NULL,
  split_at     text,
  split_into   text
);
CREATE INDEX merges_event ON merges(event_id);

CREATE TABLE event_claims (
  claim_id text PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
  -- deferred: a new event's row is derived from its links, so the links come first
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  merge_id bigint REFERENCES merges(id)
);
CREATE INDEX event_claims_event ON event_claims(event_id);

CREATE TABLE corrections (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  field        text,
  value        text,
  review_state text,
  note         text,
  created_at   text NOT NULL
);
CREATE INDEX corrections_event ON corrections(event_id);

CREATE TABLE records (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  record      text NOT NULL
);
CREATE INDEX records_kind ON records(kind);

-- Takes advisory transaction locks in the given order (shared where asked),
-- in one round trip; see src/store/postgres/locks.ts for which keys.
CREATE FUNCTION sitrep_lock_all(keys bigint[], shared boolean[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
    IF shared[i] THEN PERFORM pg_advisory_xact_lock_shared(keys[i]);
    ELSE PERFORM pg_advisory_xact_lock(keys[i]);
    END IF;
  END LOOP;
END $$;
